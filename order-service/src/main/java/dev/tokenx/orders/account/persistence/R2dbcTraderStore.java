package dev.tokenx.orders.account.persistence;

import dev.tokenx.orders.account.application.TraderStore;
import dev.tokenx.orders.account.domain.KycStatus;
import dev.tokenx.orders.account.domain.Trader;
import io.r2dbc.spi.Readable;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcTraderStore implements TraderStore {

    private static final String FIND = """
            SELECT id, kyc_status, wallet_address
              FROM accounts
             WHERE id = :id
            """;

    private final DatabaseClient db;

    R2dbcTraderStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Trader> find(UUID userId) {
        return db.sql(FIND).bind("id", userId).map(R2dbcTraderStore::toTrader).one();
    }

    private static Trader toTrader(Readable row) {
        return new Trader(
                row.get("id", UUID.class),
                KycStatus.valueOf(row.get("kyc_status", String.class)),
                Optional.ofNullable(row.get("wallet_address", String.class)));
    }
}
