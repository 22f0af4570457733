package org.lawline.security;

/** An account with this username exists already. */
public final class UsernameTaken extends RuntimeException {
    UsernameTaken(String username) {
        super("用户名已存在：" + username);
    }
}
