package dev.tokenx.orders.shared.persistence;

import io.r2dbc.spi.R2dbcException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database that could not be reached from one that refused a statement. */
public final class DatabaseFailures {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION = "08";

    /** SQLSTATE class 57P: operator intervention, e.g. the server shutting down. */
    private static final String OPERATOR_INTERVENTION = "57P";

    private DatabaseFailures() {}

    /**
     * Whether the database could not be reached or was too busy, so that trying again later may succeed. A statement
     * PostgreSQL refused is not such a failure: it is a defect.
     */
    public static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof IOException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof R2dbcException r2dbc && isConnectionFailure(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith(CONNECTION_EXCEPTION) || sqlState.startsWith(OPERATOR_INTERVENTION));
    }
}
