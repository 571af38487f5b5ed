-- Applied after the bulk load: building the indexes once is far faster than maintaining them per row.
ALTER TABLE app.users            ADD PRIMARY KEY (id);
ALTER TABLE app.institutions     ADD PRIMARY KEY (id);
ALTER TABLE app.bank_connections ADD PRIMARY KEY (id);
ALTER TABLE app.accounts         ADD PRIMARY KEY (id);
ALTER TABLE app.balances         ADD PRIMARY KEY (id);
ALTER TABLE app.transactions     ADD PRIMARY KEY (id);
ALTER TABLE app.tags             ADD PRIMARY KEY (id);
ALTER TABLE app.transaction_tags ADD PRIMARY KEY (transaction_id, tag_id);

ALTER TABLE app.bank_connections ADD FOREIGN KEY (user_id) REFERENCES app.users (id);
ALTER TABLE app.bank_connections ADD FOREIGN KEY (institution_id) REFERENCES app.institutions (id);
ALTER TABLE app.accounts         ADD FOREIGN KEY (connection_id) REFERENCES app.bank_connections (id);
ALTER TABLE app.balances         ADD FOREIGN KEY (account_id) REFERENCES app.accounts (id);
ALTER TABLE app.transactions     ADD FOREIGN KEY (account_id) REFERENCES app.accounts (id);
ALTER TABLE app.tags             ADD FOREIGN KEY (user_id) REFERENCES app.users (id);
ALTER TABLE app.transaction_tags ADD FOREIGN KEY (transaction_id) REFERENCES app.transactions (id);
ALTER TABLE app.transaction_tags ADD FOREIGN KEY (tag_id) REFERENCES app.tags (id);

ALTER TABLE app.bank_connections ADD CHECK (status IN ('active', 'expired', 'revoked'));
ALTER TABLE app.accounts         ADD CHECK (account_type IN ('checking', 'savings', 'credit_card', 'brokerage'));
ALTER TABLE app.transactions     ADD CHECK (status IN ('booked', 'pending'));

CREATE INDEX ON app.transactions (account_id, booking_date);
CREATE INDEX ON app.balances (account_id, balance_date);
CREATE INDEX ON app.transaction_tags (tag_id);
