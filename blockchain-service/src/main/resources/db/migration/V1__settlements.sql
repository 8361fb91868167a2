-- One row per order, written before anything is sent to the chain. The order id is the key, so a
-- redelivered OrderPlaced finds its settlement instead of starting a second transfer. From the moment
-- it is signed, the row holds the one transaction the order will ever have: re-sending means sending
-- signed_tx again, never signing anew. Addresses and hashes are lower-case hex.
CREATE TABLE settlements (
    order_id          uuid          PRIMARY KEY,
    user_id           uuid          NOT NULL,
    request_id        varchar(100),
    token_symbol      varchar(20)   NOT NULL,
    contract_address  char(42)      NOT NULL,
    from_address      char(42)      NOT NULL,
    to_address        char(42)      NOT NULL,
    quantity          bigint        NOT NULL CHECK (quantity > 0),
    status            varchar(16)   NOT NULL
        CHECK (status IN ('SIGNED', 'SUBMITTED', 'CONFIRMING', 'CONFIRMED', 'FAILED')),
    sender            char(42),
    nonce             bigint        CHECK (nonce >= 0),
    tx_hash           char(66),
    signed_tx         text,
    -- When the transaction was last sent (or signed, before the first send): the tracker re-sends
    -- what has not been seen in a block for a while.
    last_sent_at      timestamptz,
    mined_block       bigint,
    -- The confirmations announced so far.
    confirmations     integer       NOT NULL DEFAULT 0 CHECK (confirmations >= 0),
    failure_reason    varchar(500),
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    -- Optimistic concurrency between the consumer, the tracker and other instances.
    version           bigint        NOT NULL DEFAULT 0,
    -- Only a transfer the contract refused before signing has no transaction.
    CONSTRAINT settlements_signed CHECK (
        (sender IS NOT NULL AND nonce IS NOT NULL AND tx_hash IS NOT NULL AND signed_tx IS NOT NULL
            AND last_sent_at IS NOT NULL)
        OR (status = 'FAILED' AND sender IS NULL AND nonce IS NULL AND tx_hash IS NULL AND signed_tx IS NULL)),
    CONSTRAINT settlements_mined CHECK (status NOT IN ('CONFIRMING', 'CONFIRMED') OR mined_block IS NOT NULL),
    CONSTRAINT settlements_failure_reason CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CONSTRAINT settlements_tx_hash_unique UNIQUE (tx_hash),
    -- One nonce, one transaction: whatever happens, nothing is ever signed twice under a nonce.
    CONSTRAINT settlements_nonce_unique UNIQUE (sender, nonce)
);

-- The tracker's two work lists stay small: rows leave them as they move on.
CREATE INDEX settlements_awaiting_mining ON settlements (last_sent_at) WHERE status IN ('SIGNED', 'SUBMITTED');
CREATE INDEX settlements_confirming ON settlements (mined_block) WHERE status = 'CONFIRMING';

-- The next nonce of each sending address, started from the node's pending count. A settlement takes
-- its nonce and stores its signed transaction in one transaction, holding this row meanwhile.
CREATE TABLE sender_nonces (
    sender      char(42)     PRIMARY KEY,
    next_nonce  bigint       NOT NULL CHECK (next_nonce >= 0),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
