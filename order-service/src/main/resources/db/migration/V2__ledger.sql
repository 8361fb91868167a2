-- The INR wallets as a double-entry ledger.
--
-- A posting carries the signed change it makes to its account's balance; the postings of one journal
-- entry sum to zero. `ledger_accounts.balance` is the running sum of the account's postings, kept in
-- the row so that a hold can be a conditional UPDATE (`... WHERE balance >= amount`) instead of a
-- read-then-write race. Entries and postings are append-only: a correction is a new entry.

CREATE TABLE ledger_accounts (
    id              uuid          PRIMARY KEY,
    code            varchar(100)  NOT NULL,
    owner_id        uuid          REFERENCES accounts (id),
    kind            varchar(32)   NOT NULL,
    currency        char(3)       NOT NULL DEFAULT 'INR',
    balance         numeric(19,2) NOT NULL DEFAULT 0,
    -- Only the funding source may go below zero: it mirrors money that came in from outside the platform.
    may_go_negative boolean       NOT NULL DEFAULT false,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT ledger_accounts_code_unique UNIQUE (code),
    CONSTRAINT ledger_accounts_kind_known
        CHECK (kind IN ('USER_CASH_AVAILABLE', 'USER_CASH_HELD', 'FUNDING_SOURCE')),
    CONSTRAINT ledger_accounts_currency_inr CHECK (currency = 'INR'),
    CONSTRAINT ledger_accounts_balance_covered CHECK (balance >= 0 OR may_go_negative),
    CONSTRAINT ledger_accounts_user_accounts_have_owner
        CHECK ((kind IN ('USER_CASH_AVAILABLE', 'USER_CASH_HELD')) = (owner_id IS NOT NULL))
);

CREATE UNIQUE INDEX ledger_accounts_one_per_owner_and_kind ON ledger_accounts (owner_id, kind)
    WHERE owner_id IS NOT NULL;

CREATE TABLE journal_entries (
    id          uuid         PRIMARY KEY,
    kind        varchar(32)  NOT NULL,
    order_id    uuid,
    description varchar(200),
    created_at  timestamptz  NOT NULL,
    CONSTRAINT journal_entries_kind_known CHECK (kind IN ('DEPOSIT', 'FUNDS_HOLD'))
);

CREATE INDEX journal_entries_by_order ON journal_entries (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE postings (
    id                bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    journal_entry_id  uuid          NOT NULL REFERENCES journal_entries (id),
    ledger_account_id uuid          NOT NULL REFERENCES ledger_accounts (id),
    amount            numeric(19,2) NOT NULL,
    CONSTRAINT postings_amount_not_zero CHECK (amount <> 0),
    CONSTRAINT postings_one_per_account_and_entry UNIQUE (journal_entry_id, ledger_account_id)
);

CREATE INDEX postings_by_account ON postings (ledger_account_id);

-- Every entry balances and has at least two postings. Checked when the transaction commits (deferred),
-- because an entry's postings arrive one row at a time.
CREATE FUNCTION ledger_check_entry_balanced(entry_id uuid) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    posting_count bigint;
    posting_sum   numeric;
BEGIN
    SELECT count(*), coalesce(sum(amount), 0)
      INTO posting_count, posting_sum
      FROM postings
     WHERE journal_entry_id = entry_id;
    IF posting_count < 2 OR posting_sum <> 0 THEN
        RAISE EXCEPTION 'journal entry % is unbalanced: % postings summing to %', entry_id, posting_count, posting_sum
            USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_balanced';
    END IF;
END;
$$;

CREATE FUNCTION ledger_journal_entry_balanced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM ledger_check_entry_balanced(NEW.id);
    RETURN NULL;
END;
$$;

CREATE FUNCTION ledger_posting_entry_balanced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM ledger_check_entry_balanced(NEW.journal_entry_id);
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER journal_entries_balanced
    AFTER INSERT ON journal_entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_journal_entry_balanced();

-- Also fires for postings added to an entry committed earlier.
CREATE CONSTRAINT TRIGGER postings_keep_entry_balanced
    AFTER INSERT ON postings
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_posting_entry_balanced();

CREATE FUNCTION ledger_refuse_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: record a correcting entry instead', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER journal_entries_append_only
    BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite();

CREATE TRIGGER postings_append_only
    BEFORE UPDATE OR DELETE ON postings
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite();

-- The money reserved for one order until settlement captures or releases it.
CREATE TABLE funds_holds (
    id               uuid          PRIMARY KEY,
    order_id         uuid          NOT NULL,
    user_id          uuid          NOT NULL REFERENCES accounts (id),
    amount           numeric(19,2) NOT NULL,
    status           varchar(16)   NOT NULL,
    journal_entry_id uuid          NOT NULL REFERENCES journal_entries (id),
    created_at       timestamptz   NOT NULL,
    CONSTRAINT funds_holds_one_per_order UNIQUE (order_id),
    CONSTRAINT funds_holds_amount_positive CHECK (amount > 0),
    CONSTRAINT funds_holds_status_known CHECK (status IN ('HELD', 'CAPTURED', 'RELEASED'))
);

-- Where deposits come from: the outside world, seen from the ledger.
INSERT INTO ledger_accounts (id, code, owner_id, kind, may_go_negative)
VALUES ('f0000000-0000-4000-8000-000000000001', 'platform:funding', NULL, 'FUNDING_SOURCE', true);
