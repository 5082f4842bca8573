CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), nickname TEXT);
CREATE INDEX users_email_idx ON users (email);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, note TEXT);
