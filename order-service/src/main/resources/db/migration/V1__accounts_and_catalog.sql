-- Investors and the token catalog. Every user id comes from a verified JWT `sub`; this table is where
-- the order service keeps what it needs to decide whether that user may trade.
CREATE TABLE accounts (
    id             uuid         PRIMARY KEY,
    username       varchar(64)  NOT NULL,
    kyc_status     varchar(16)  NOT NULL DEFAULT 'NOT_SUBMITTED',
    wallet_address varchar(42),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT accounts_username_unique UNIQUE (username),
    CONSTRAINT accounts_kyc_status_known
        CHECK (kyc_status IN ('NOT_SUBMITTED', 'PENDING', 'VERIFIED', 'REJECTED')),
    CONSTRAINT accounts_wallet_address_is_evm
        CHECK (wallet_address ~ '^0x[0-9a-fA-F]{40}$')
);

-- The primary offering: one fixed INR price per whole token.
CREATE TABLE tokens (
    symbol     varchar(16)   PRIMARY KEY,
    name       varchar(200)  NOT NULL,
    price_inr  numeric(19,2) NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now(),
    updated_at timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT tokens_symbol_format CHECK (symbol ~ '^[A-Z][A-Z0-9]{1,15}$'),
    CONSTRAINT tokens_price_positive CHECK (price_inr > 0)
);
