-- Admission control reads the age of the oldest order still waiting for its settlement transaction (a few times a
-- second per instance): this index holds only those orders, so the read stays a few pages whatever the history.
CREATE INDEX orders_awaiting_settlement ON orders (created_at) WHERE status = 'ACCEPTED';
