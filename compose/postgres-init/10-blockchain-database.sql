-- Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d).
-- The image creates the orders database from POSTGRES_DB; blockchain-service keeps its settlement state
-- in a database of its own so that neither service can read or migrate the other's tables.
CREATE DATABASE blockchain;
