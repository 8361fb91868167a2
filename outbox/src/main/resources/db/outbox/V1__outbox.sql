-- The transactional outbox: events are written in the same transaction as the change that caused
-- them, and a relay publishes them to Kafka afterwards. Migrated in its own schema history
-- (outbox_schema_history, see OutboxSchema), so these scripts are numbered apart from the service's.
CREATE TABLE outbox (
    id           bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid          NOT NULL,
    event_type   varchar(100)  NOT NULL,
    topic        varchar(200)  NOT NULL,
    message_key  varchar(200)  NOT NULL,
    -- `json`, not `jsonb`: the relay publishes exactly the bytes that were written.
    payload      json          NOT NULL,
    request_id   varchar(100),
    created_at   timestamptz   NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts     integer       NOT NULL DEFAULT 0,
    last_error   varchar(1000),
    CONSTRAINT outbox_event_id_unique UNIQUE (event_id)
);

-- The relay's work queue: small, because published rows leave it.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- "Is there an older unpublished row with this key?" keeps one key's events in order across relays.
CREATE INDEX outbox_unpublished_by_key ON outbox (message_key, id) WHERE published_at IS NULL;

CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
