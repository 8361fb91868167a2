-- Several orders settle in one chain transaction (a batchForcedTransfer). The transaction's signed bytes are stored
-- once, here, in the database transaction that takes its nonce and inserts its member orders' settlements, before
-- anything is broadcast. One nonce, one transaction, whatever happens: UNIQUE (sender, nonce) moves here.
CREATE TABLE settlement_transactions (
    tx_hash     char(66)     PRIMARY KEY,
    sender      char(42)     NOT NULL,
    nonce       bigint       NOT NULL CHECK (nonce >= 0),
    signed_tx   text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT settlement_transactions_nonce_unique UNIQUE (sender, nonce)
);

INSERT INTO settlement_transactions (tx_hash, sender, nonce, signed_tx, created_at)
SELECT tx_hash, sender, nonce, signed_tx, created_at FROM settlements WHERE tx_hash IS NOT NULL;

-- A settlement names its current transaction; the orders of one batch share it. An order whose batch reverted
-- because of another order's transfer is signed again in a new transaction (nothing moved in a reverted one).
ALTER TABLE settlements
    DROP CONSTRAINT settlements_tx_hash_unique,
    DROP CONSTRAINT settlements_nonce_unique,
    DROP CONSTRAINT settlements_signed;
ALTER TABLE settlements DROP COLUMN signed_tx;
ALTER TABLE settlements
    ADD CONSTRAINT settlements_transaction FOREIGN KEY (tx_hash) REFERENCES settlement_transactions (tx_hash),
    ADD CONSTRAINT settlements_signed CHECK (
        (sender IS NOT NULL AND nonce IS NOT NULL AND tx_hash IS NOT NULL AND last_sent_at IS NOT NULL)
        OR (status = 'FAILED' AND sender IS NULL AND nonce IS NULL AND tx_hash IS NULL));

-- The tracker finds a mined transaction's member orders by its hash.
CREATE INDEX settlements_tx_hash ON settlements (tx_hash);
