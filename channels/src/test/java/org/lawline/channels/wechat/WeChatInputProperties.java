package org.lawline.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random and mutated input to the XML parser and the decryptor: each either reads it or refuses it
 * with its own exception (which the webhook answers 400), quickly — never another exception (a
 * 500), never a hang.
 */
class WeChatInputProperties {

    private static final String VALID_XML = WebhookCalls.text("gh_7f083739789a", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", 1234567890123456L,
            "老板拖欠工资怎么办 <>&'\"", java.time.Instant.ofEpochSecond(1_700_000_000L));
    private static final MessageCipher CIPHER = new MessageCipher(List.of(MessageCipherTest.SAMPLE_AES_KEY), MessageCipherTest.SAMPLE_APP_ID);

    @Property(tries = 500)
    void theParserReadsOrRefusesAnyBytes(@ForAll @Size(max = 3000) byte[] body) {
        assertReadsOrRefuses(body);
    }

    @Property(tries = 1000)
    void theParserReadsOrRefusesAMutatedWeChatMessage(@ForAll("mutatedXml") String body) {
        assertReadsOrRefuses(body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void theDecryptorDecryptsOrRefusesAnyText(@ForAll @Size(max = 2000) String cipherText) {
        assertDecryptsOrRefuses(cipherText);
    }

    @Property(tries = 1000)
    void theDecryptorDecryptsOrRefusesAMutatedCiphertext(@ForAll("mutatedCiphertext") String cipherText) {
        assertDecryptsOrRefuses(cipherText);
    }

    @Provide
    Arbitrary<String> mutatedXml() {
        return mutationsOf(VALID_XML, Arbitraries.of('<', '>', '&', '/', '!', '[', ']', '"', 'x', '\u0000', '法', ';', '?'));
    }

    @Provide
    Arbitrary<String> mutatedCiphertext() {
        return mutationsOf(MessageCipherTest.SAMPLE_MESSAGE_ENCRYPTED, Arbitraries.of('A', 'z', '0', '+', '/', '=', ' ', '%', '-', '_'));
    }

    /** One edit: at a place (a fraction of the length), replace, remove, insert or cut. */
    private record Edit(double at, int kind, char c) {
        String applyTo(String text) {
            if (text.isEmpty()) {
                return String.valueOf(c);
            }
            int i = (int) (at * (text.length() - 1));
            StringBuilder out = new StringBuilder(text);
            switch (kind) {
                case 0 -> out.setCharAt(i, c);
                case 1 -> out.deleteCharAt(i);
                case 2 -> out.insert(i, c);
                default -> out.setLength(i);
            }
            return out.toString();
        }
    }

    /** The text after one to four edits, mostly small ones. */
    private static Arbitrary<String> mutationsOf(String text, Arbitrary<Character> characters) {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just(0)), net.jqwik.api.Tuple.of(3, Arbitraries.just(1)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(2)), net.jqwik.api.Tuple.of(1, Arbitraries.just(3))),
                characters).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            String out = text;
            for (Edit e : edits) {
                out = e.applyTo(out);
            }
            return out;
        });
    }

    private static void assertReadsOrRefuses(byte[] body) {
        long started = System.nanoTime();
        try {
            WeChatXml.parse(body);
        } catch (WeChatXml.InvalidXml refused) {
            // the webhook's 400
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(1000);
    }

    private static void assertDecryptsOrRefuses(String cipherText) {
        long started = System.nanoTime();
        try {
            CIPHER.decrypt(cipherText);
        } catch (MessageCipher.UndecryptableMessage refused) {
            // the webhook's 400
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(1000);
    }
}
