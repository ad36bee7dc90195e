package dev.superapp.batch.cli;

import dev.superapp.batch.system.UserInputException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;
import org.flywaydb.core.internal.exception.sqlExceptions.FlywaySqlUnableToConnectToDbException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.env.Environment;

/**
 * Explains, in one line, an application context that failed to start because of the user's
 * setup: the database cannot be reached (or refuses our credentials), a property has a value
 * that cannot be bound, or a bean refused its settings with a {@link UserInputException} (a
 * platform base URL that may not be trusted). Anything else is left as it is: a bug, not a setup problem.
 */
final class StartupFailure {

    /** SQLState classes 08 (connection exception) and 28 (invalid authorization). */
    private static final Pattern CONNECTION_STATE = Pattern.compile("^(08|28).*");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password|pwd)=[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//([^/:@]*):[^/@]*@");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|key|token).*");

    private StartupFailure() {
    }

    static RuntimeException explain(RuntimeException failure, Environment environment) {
        BindException bind = find(failure, BindException.class);
        if (bind != null) {
            return new UserInputException(invalidProperty(bind), failure);
        }
        SQLException connection = connectionFailure(failure);
        if (connection != null) {
            String url = environment == null ? null : environment.getProperty("spring.datasource.url");
            return new UserInputException("cannot reach the database at " + withoutPassword(url) + ": "
                    + reason(connection), failure);
        }
        UserInputException refused = find(failure, UserInputException.class);
        return refused != null ? refused : failure;
    }

    /** The URL as configured, minus any password written into it. */
    static String withoutPassword(String url) {
        if (url == null) {
            return "(spring.datasource.url not set)";
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1=****");
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("//$1:****@");
    }

    /**
     * Drivers mark connection problems with SQLState 08/28 or the JDBC connection exception types;
     * H2 does neither (a file it cannot open is state 90xxx), but Flyway, the first to connect at
     * startup, says so by the type of its wrapper.
     */
    private static SQLException connectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FlywaySqlUnableToConnectToDbException && cause.getCause() instanceof SQLException sql) {
                return sql;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null
                    && CONNECTION_STATE.matcher(sql.getSQLState()).matches())) {
                return (SQLException) cause;
            }
        }
        return null;
    }

    /** The driver's first line, plus the network's own words when they say more ("Connection refused"). */
    private static String reason(SQLException connection) {
        String reason = firstLine(connection.getMessage());
        Throwable root = connection;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String rootMessage = firstLine(root.getMessage());
        return root == connection || rootMessage.isEmpty() || reason.contains(rootMessage)
                ? reason : reason + " (" + rootMessage + ")";
    }

    private static String invalidProperty(BindException bind) {
        ConfigurationProperty property = bind.getProperty();
        Throwable root = bind;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String name = property == null ? bind.getName().toString() : property.getName().toString();
        StringBuilder line = new StringBuilder("invalid configuration property ").append(name);
        if (property != null && !SECRET_NAME.matcher(name).matches()) {
            line.append(" = \"").append(property.getValue()).append('"');
        }
        if (property != null && property.getOrigin() != null) {
            line.append(" (from ").append(property.getOrigin()).append(')');
        }
        return line.append(": ").append(firstLine(root.getMessage())).toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
