package com.finance.analytics.snapshot;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises DuckDB's report of a damaged database file among statement failures. DuckDB
 * verifies a block's checksum when it reads the block ("IO Error: Corrupt database file:
 * computed checksum … does not match stored checksum … in block at location …"), so
 * damage that slipped past the file checksums (the file changed after it was verified)
 * shows up only in the statements that touch it.
 */
public final class DuckDbDamage {

	private static final String CORRUPT_FILE = "corrupt database file";

	private DuckDbDamage() {
	}

	/**
	 * DuckDB's first line about the damage, when this failure (or its cause) is one;
	 * empty for any other failure.
	 */
	public static Optional<String> of(SQLException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains(CORRUPT_FILE)) {
				return Optional.of(message.strip().lines().findFirst().orElse(message));
			}
		}
		return Optional.empty();
	}

}
