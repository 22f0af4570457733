package org.lawline.channels.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's safe mode: AES-256-CBC with the EncodingAESKey, the IV its first 16 bytes, the plain
 * text framed as 16 random bytes, a 4-byte big-endian length, the message and the app id, padded
 * PKCS#7-style to 32-byte blocks. Thread safe.
 *
 * <p>Written here rather than taken from WxJava because WxJava's decryption ignores the app id in
 * the frame: a message encrypted for another account must not pass as ours. Tests check this
 * class against WxJava's own crypto and WeChat's published sample.
 */
final class MessageCipher {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<byte[]> keys;
    private final byte[] appId;

    /**
     * @param encodingAesKeys the 43-character keys, the one to encrypt with first; the others
     *                        only decrypt (rotation)
     */
    MessageCipher(List<String> encodingAesKeys, String appId) {
        if (encodingAesKeys.isEmpty()) {
            throw new IllegalArgumentException("A cipher needs a key");
        }
        this.keys = encodingAesKeys.stream().map(k -> Base64.getDecoder().decode(k + "=")).toList();
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
    }

    String encrypt(String plainText) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(random, plainText);
    }

    /** With the given 16 random bytes; for tests against published vectors. */
    String encrypt(byte[] random, String plainText) {
        byte[] message = plainText.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + message.length + appId.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer frame = ByteBuffer.allocate(length + pad);
        frame.put(random, 0, 16).putInt(message.length).put(message).put(appId);
        for (int i = 0; i < pad; i++) {
            frame.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, keys.get(0), frame.array()));
    }

    /**
     * The message inside the ciphertext, tried with each key.
     *
     * @throws UndecryptableMessage when no key opens it, or the frame is malformed, or it was
     *                              encrypted for another app id
     */
    String decrypt(String cipherText) {
        byte[] encrypted;
        try {
            encrypted = Base64.getMimeDecoder().decode(cipherText);
        } catch (IllegalArgumentException e) {
            throw new UndecryptableMessage("the ciphertext is not base64");
        }
        if (encrypted.length == 0 || encrypted.length % 16 != 0) {
            throw new UndecryptableMessage("the ciphertext is not whole AES blocks");
        }
        UndecryptableMessage last = null;
        for (byte[] key : keys) {
            try {
                return open(run(Cipher.DECRYPT_MODE, key, encrypted));
            } catch (UndecryptableMessage e) {
                last = e;
            }
        }
        throw last;
    }

    private String open(byte[] frame) {
        int pad = frame[frame.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > frame.length) {
            throw new UndecryptableMessage("bad padding");
        }
        int end = frame.length - pad;
        if (end < 20) {
            throw new UndecryptableMessage("frame too short");
        }
        int length = ByteBuffer.wrap(frame, 16, 4).getInt();
        if (length < 0 || 20 + length > end) {
            throw new UndecryptableMessage("bad message length");
        }
        byte[] from = Arrays.copyOfRange(frame, 20 + length, end);
        if (!MessageDigest.isEqual(from, appId)) {
            throw new UndecryptableMessage("encrypted for another app id");
        }
        return new String(frame, 20, length, StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, byte[] key, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new UndecryptableMessage("AES failed: " + e.getClass().getSimpleName());
        }
    }

    /** The ciphertext does not open with our keys; the message says why, never with content. */
    static final class UndecryptableMessage extends RuntimeException {
        UndecryptableMessage(String reason) {
            super(reason, null, false, false);
        }
    }
}
