-- A service's own migration, beside which the outbox keeps its own schema history.
CREATE TABLE service_things (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(100) NOT NULL
);
