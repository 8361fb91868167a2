package dev.tokenx.orders.support;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The demo investors (seeded by the demo migration) and fresh ones made to measure:
 * {@code investors().verifiedWithCash("50.00")}. Fresh investors are funded the way the ledger funds anyone: by a
 * balanced deposit from the funding source.
 */
public final class Investors {

    public static final UUID ALICE = UUID.fromString("a11ce000-0000-4000-8000-000000000001");
    public static final UUID BOB = UUID.fromString("b0b00000-0000-4000-8000-000000000002");
    public static final UUID ADMIN = UUID.fromString("ad000000-0000-4000-8000-000000000003");
    public static final String ALICE_WALLET = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private static final String OPEN_ACCOUNT = """
            WITH account AS (
                INSERT INTO accounts (id, username, kyc_status, wallet_address)
                VALUES (:id, :username, :kycStatus, :wallet)
                RETURNING id
            )
            INSERT INTO ledger_accounts (id, code, owner_id, kind)
            SELECT gen_random_uuid(), 'user:' || account.id || ':cash:' || cash.suffix, account.id, cash.kind
              FROM account
             CROSS JOIN (VALUES ('available', 'USER_CASH_AVAILABLE'), ('held', 'USER_CASH_HELD')) AS cash (suffix, kind)
            """;

    private static final String DEPOSIT = """
            WITH entry AS (
                INSERT INTO journal_entries (id, kind, description, created_at)
                VALUES (gen_random_uuid(), 'DEPOSIT', 'test funding', now())
                RETURNING id
            ), lines (code, amount) AS (
                VALUES ('platform:funding', -CAST(:amount AS numeric)),
                       (CAST(:availableCode AS varchar), CAST(:amount AS numeric))
            ), moved AS (
                UPDATE ledger_accounts account
                   SET balance = account.balance + lines.amount
                  FROM lines
                 WHERE account.code = lines.code
                RETURNING account.id, lines.amount
            )
            INSERT INTO postings (journal_entry_id, ledger_account_id, amount)
            SELECT entry.id, moved.id, moved.amount FROM entry, moved
            """;

    private final DatabaseClient db;

    Investors(DatabaseClient db) {
        this.db = db;
    }

    public UUID verifiedWithCash(String cash) {
        UUID id = open("VERIFIED", randomWallet());
        deposit(id, cash);
        return id;
    }

    public UUID withKyc(String kycStatus) {
        return open(kycStatus, randomWallet());
    }

    public void deposit(UUID investor, String amount) {
        db.sql(DEPOSIT)
                .bind("amount", new BigDecimal(amount))
                .bind("availableCode", "user:" + investor + ":cash:available")
                .then()
                .block();
    }

    public void changeKyc(UUID investor, String kycStatus) {
        db.sql("UPDATE accounts SET kyc_status = :status WHERE id = :id")
                .bind("status", kycStatus)
                .bind("id", investor)
                .then()
                .block();
    }

    public BigDecimal available(UUID investor) {
        return balance("user:" + investor + ":cash:available");
    }

    public BigDecimal held(UUID investor) {
        return balance("user:" + investor + ":cash:held");
    }

    private BigDecimal balance(String code) {
        return db.sql("SELECT balance FROM ledger_accounts WHERE code = :code")
                .bind("code", code)
                .map(row -> row.get("balance", BigDecimal.class))
                .one()
                .block();
    }

    private UUID open(String kycStatus, String wallet) {
        UUID id = UUID.randomUUID();
        db.sql(OPEN_ACCOUNT)
                .bind("id", id)
                .bind("username", "investor-" + id)
                .bind("kycStatus", kycStatus)
                .bind("wallet", wallet)
                .then()
                .block();
        return id;
    }

    private static String randomWallet() {
        byte[] address = new byte[20];
        ThreadLocalRandom.current().nextBytes(address);
        return "0x" + HexFormat.of().formatHex(address);
    }
}
