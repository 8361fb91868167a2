-- The balance rule, checked once per journal entry instead of once per row (V2 checked an entry once for itself and
-- once more for each of its postings, each time summing all its postings: three checks for a hold, five for a capture).
--
-- The triggers stay as V2 made them (deferred, one for each new entry, one for each new posting); what changes is what
-- they run. A check records, for the rest of the transaction, which entry it found balanced and the newest posting it
-- counted. A posting's trigger has nothing left to check when that entry's check already counted it: the deferred
-- triggers of one writer fire at commit in the order its rows were written, entry first, so the entry's check counts
-- every posting of the transaction, and its postings' triggers then only compare two values. Any other posting (one
-- added to an entry committed earlier, or added after the check ran because constraints were set IMMEDIATE) is newer
-- than what the check counted, so it is checked again. Posting ids grow with every insert (an identity column), which
-- is what makes "newer" safe to decide by id.

CREATE OR REPLACE FUNCTION ledger_check_entry_balanced(entry_id uuid) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    posting_count  bigint;
    posting_sum    numeric;
    newest_posting bigint;
BEGIN
    SELECT count(*), coalesce(sum(amount), 0), coalesce(max(id), 0)
      INTO posting_count, posting_sum, newest_posting
      FROM postings
     WHERE journal_entry_id = entry_id;
    IF posting_count < 2 OR posting_sum <> 0 THEN
        RAISE EXCEPTION 'journal entry % is unbalanced: % postings summing to %', entry_id, posting_count, posting_sum
            USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_balanced';
    END IF;
    -- Transaction-local (is_local): gone at commit or rollback, and undone with a rolled-back savepoint.
    PERFORM set_config('ledger.balanced_entry', entry_id || '/' || newest_posting, true);
END;
$$;

CREATE OR REPLACE FUNCTION ledger_posting_entry_balanced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    balanced text[] := string_to_array(coalesce(current_setting('ledger.balanced_entry', true), ''), '/');
BEGIN
    IF balanced[1] = NEW.journal_entry_id::text AND NEW.id <= balanced[2]::bigint THEN
        RETURN NULL;
    END IF;
    PERFORM ledger_check_entry_balanced(NEW.journal_entry_id);
    RETURN NULL;
END;
$$;
