-- Settlement: the order's progress on chain, the funds hold's capture or release, the investors' holdings, and the
-- settlement events already applied.

ALTER TABLE orders
    ADD COLUMN tx_hash                varchar(66),
    ADD COLUMN confirmations          integer,
    ADD COLUMN required_confirmations integer,
    ADD CONSTRAINT orders_tx_hash_format CHECK (tx_hash ~ '^0x[0-9a-fA-F]{64}$'),
    ADD CONSTRAINT orders_confirmations_known_together
        CHECK ((confirmations IS NULL) = (required_confirmations IS NULL)),
    ADD CONSTRAINT orders_confirmations_counted CHECK (confirmations >= 0 AND required_confirmations >= 1),
    ADD CONSTRAINT orders_settled_with_a_transaction
        CHECK (status NOT IN ('SETTLING', 'CONFIRMING', 'COMPLETED') OR tx_hash IS NOT NULL);

-- The accounts a settled order pays: the treasury for the tokens, the platform for its fee and for gas.
ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_known;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_kind_known
    CHECK (kind IN ('USER_CASH_AVAILABLE', 'USER_CASH_HELD', 'FUNDING_SOURCE', 'TREASURY_PROCEEDS', 'PLATFORM_FEES',
                    'GAS_FEES'));

INSERT INTO ledger_accounts (id, code, owner_id, kind)
VALUES ('f0000000-0000-4000-8000-000000000002', 'treasury:proceeds', NULL, 'TREASURY_PROCEEDS'),
       ('f0000000-0000-4000-8000-000000000003', 'platform:fees', NULL, 'PLATFORM_FEES'),
       ('f0000000-0000-4000-8000-000000000004', 'platform:gas', NULL, 'GAS_FEES');

ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_kind_known;
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_kind_known
    CHECK (kind IN ('DEPOSIT', 'FUNDS_HOLD', 'FUNDS_CAPTURE', 'FUNDS_RELEASE'));

-- Whole tokens each investor owns, as settled on chain.
CREATE TABLE holdings (
    user_id      uuid        NOT NULL REFERENCES accounts (id),
    token_symbol varchar(16) NOT NULL REFERENCES tokens (symbol),
    quantity     bigint      NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, token_symbol),
    CONSTRAINT holdings_quantity_not_negative CHECK (quantity >= 0)
);

-- Settlement events applied, written in the transaction that applies one: a redelivered event finds its id here
-- and changes nothing.
CREATE TABLE processed_events (
    event_id     uuid        PRIMARY KEY,
    event_type   varchar(64) NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
