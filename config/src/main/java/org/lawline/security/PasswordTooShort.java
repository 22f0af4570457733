package org.lawline.security;

/** A new password is shorter than {@link StaffAccounts#MIN_PASSWORD_LENGTH} characters. */
public final class PasswordTooShort extends RuntimeException {
    PasswordTooShort() {
        super("密码至少需要 " + StaffAccounts.MIN_PASSWORD_LENGTH + " 个字符");
    }
}
