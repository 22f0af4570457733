package org.lawline;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts {@link DatabaseSettings} on the pool before it opens its first connection: Hikari's
 * connection timeout on every database, and on PostgreSQL the driver's connect and socket
 * timeouts and a server-side statement timeout. (H2 refuses driver properties it does not know,
 * so those go to PostgreSQL only; the embedded H2 cannot hang on a network.)
 */
class DatabaseTimeouts implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseTimeouts.class);

    private final DatabaseSettings settings;

    DatabaseTimeouts(DatabaseSettings settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            apply(pool);
        }
        return bean;
    }

    void apply(HikariDataSource pool) {
        long connectMillis = settings.connectionTimeout().toMillis();
        pool.setConnectionTimeout(connectMillis);
        pool.setValidationTimeout(Math.min(connectMillis, Math.max(250, connectMillis / 2)));
        String url = pool.getJdbcUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, settings.connectionTimeout().toSeconds())));
            pool.addDataSourceProperty("socketTimeout", Long.toString(settings.socketTimeout().toSeconds()));
            pool.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
        }
        log.info("Database timeouts: connection {}, socket {}, statement {}",
                settings.connectionTimeout(), settings.socketTimeout(), settings.statementTimeout());
    }
}
