-- Demo data for the local platform: only applied when `orders.demo-data.enabled=true`
-- (env ORDERS_DEMO_DATA_ENABLED), which adds this folder to Flyway's locations.
-- Idempotent: every insert ignores rows that exist, and alice's deposit moves money only when its
-- journal entry is new, so re-running it (Flyway re-runs it whenever it changes) never funds twice.

INSERT INTO tokens (symbol, name, price_inr)
VALUES ('BLRTECH', 'Bengaluru Tech Park', 1000.00),
       ('MUMSEA', 'Mumbai Sea View Towers', 2500.00)
ON CONFLICT (symbol) DO NOTHING;

INSERT INTO accounts (id, username, kyc_status, wallet_address)
VALUES ('a11ce000-0000-4000-8000-000000000001', 'alice', 'VERIFIED', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'),
       ('b0b00000-0000-4000-8000-000000000002', 'bob', 'PENDING', NULL),
       ('ad000000-0000-4000-8000-000000000003', 'admin', 'NOT_SUBMITTED', NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO ledger_accounts (id, code, owner_id, kind)
SELECT gen_random_uuid(), 'user:' || account.id || ':cash:' || cash.suffix, account.id, cash.kind
  FROM accounts account
 CROSS JOIN (VALUES ('available', 'USER_CASH_AVAILABLE'), ('held', 'USER_CASH_HELD')) AS cash (suffix, kind)
 WHERE account.id IN ('a11ce000-0000-4000-8000-000000000001',
                      'b0b00000-0000-4000-8000-000000000002',
                      'ad000000-0000-4000-8000-000000000003')
ON CONFLICT (code) DO NOTHING;

-- ₹10,00,000.00 for alice, from the funding source, as one balanced entry.
WITH deposit AS (
    INSERT INTO journal_entries (id, kind, description, created_at)
    VALUES ('de000000-0000-4000-8000-00000000a11c', 'DEPOSIT', 'Demo funding for alice', now())
    ON CONFLICT (id) DO NOTHING
    RETURNING id
), lines (code, amount) AS (
    VALUES ('platform:funding', -1000000.00),
           ('user:a11ce000-0000-4000-8000-000000000001:cash:available', 1000000.00)
), moved AS (
    UPDATE ledger_accounts account
       SET balance = account.balance + lines.amount
      FROM lines, deposit
     WHERE account.code = lines.code
    RETURNING account.id, lines.amount
)
INSERT INTO postings (journal_entry_id, ledger_account_id, amount)
SELECT deposit.id, moved.id, moved.amount
  FROM deposit, moved;
