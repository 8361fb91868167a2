CREATE TABLE orders (
    id              uuid          PRIMARY KEY,
    user_id         uuid          NOT NULL REFERENCES accounts (id),
    -- The client's Idempotency-Key and a SHA-256 of the request it came with: the same key with a
    -- different request is refused instead of silently answered with the first order.
    idempotency_key varchar(100)  NOT NULL,
    request_hash    char(64)      NOT NULL,
    -- Where settlement delivers the tokens, fixed when the order is accepted.
    wallet_address  varchar(42)   NOT NULL,
    token_symbol    varchar(16)   NOT NULL REFERENCES tokens (symbol),
    side            varchar(4)    NOT NULL,
    quantity        bigint        NOT NULL,
    limit_price     numeric(19,2),
    price           numeric(19,2) NOT NULL,
    platform_fee    numeric(19,2) NOT NULL,
    gas_fee         numeric(19,2) NOT NULL,
    total           numeric(19,2) NOT NULL,
    status          varchar(16)   NOT NULL,
    failure_reason  varchar(500),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CONSTRAINT orders_idempotency_key_unique UNIQUE (user_id, idempotency_key),
    CONSTRAINT orders_idempotency_key_format CHECK (idempotency_key ~ '^[A-Za-z0-9._:-]{1,100}$'),
    CONSTRAINT orders_wallet_address_is_evm CHECK (wallet_address ~ '^0x[0-9a-fA-F]{40}$'),
    CONSTRAINT orders_side_known CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT orders_quantity_positive CHECK (quantity > 0),
    CONSTRAINT orders_limit_price_positive CHECK (limit_price > 0),
    CONSTRAINT orders_price_positive CHECK (price > 0),
    CONSTRAINT orders_platform_fee_not_negative CHECK (platform_fee >= 0),
    CONSTRAINT orders_gas_fee_not_negative CHECK (gas_fee >= 0),
    CONSTRAINT orders_total_adds_up CHECK (total = price * quantity + platform_fee + gas_fee),
    CONSTRAINT orders_status_known
        CHECK (status IN ('ACCEPTED', 'SETTLING', 'CONFIRMING', 'COMPLETED', 'FAILED')),
    CONSTRAINT orders_failure_reason_iff_failed CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);

CREATE INDEX orders_by_user_newest_first ON orders (user_id, created_at DESC, id DESC);

ALTER TABLE funds_holds
    ADD CONSTRAINT funds_holds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
