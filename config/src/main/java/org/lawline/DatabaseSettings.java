package org.lawline;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long LawLine waits on its database. A hung database must not pin every request thread:
 * Hikari's own default waits 30 s for a connection, and PostgreSQL's driver waits forever on a
 * socket.
 *
 * @param connectionTimeout longest wait for a connection from the pool, or for a new one to open
 *                          ({@code LAWLINE_DATABASE_CONNECTION_TIMEOUT})
 * @param socketTimeout     longest wait for the database to answer on an open connection
 *                          (PostgreSQL; {@code LAWLINE_DATABASE_SOCKET_TIMEOUT})
 * @param statementTimeout  longest a statement may run on the server (PostgreSQL;
 *                          {@code LAWLINE_DATABASE_STATEMENT_TIMEOUT}); below the socket timeout,
 *                          so the server gives up first and says why
 */
@ConfigurationProperties("lawline.database")
record DatabaseSettings(@DefaultValue("2s") Duration connectionTimeout,
                        @DefaultValue("10s") Duration socketTimeout,
                        @DefaultValue("5s") Duration statementTimeout) {

    DatabaseSettings {
        Objects.requireNonNull(connectionTimeout, "lawline.database.connection-timeout");
        Objects.requireNonNull(socketTimeout, "lawline.database.socket-timeout");
        Objects.requireNonNull(statementTimeout, "lawline.database.statement-timeout");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("lawline.database.connection-timeout must be at least 250ms (Hikari's floor), got "
                    + connectionTimeout);
        }
        if (socketTimeout.toSeconds() < 1 || statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("lawline.database socket and statement timeouts must be positive (socket in whole seconds)");
        }
    }
}
