package com.finance.analytics.snapshot;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Damages a copy of a snapshot's DuckDB file the way a bad disk or a stray write does:
 * its header and first blocks stay intact, so DuckDB opens it and reads its catalog,
 * while a quarter of the file from its middle on, where the marts' data blocks are, is
 * overwritten. The snapshot's {@code snapshot.json} is left as published.
 */
public final class DamagedCopies {

	private DamagedCopies() {
	}

	public static void overwriteDataBlocks(Path duckDbFile) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(duckDbFile.toFile(), "rw")) {
			long length = file.length();
			byte[] garbage = new byte[(int) (length / 4)];
			Arrays.fill(garbage, (byte) 0x5A);
			file.seek(length / 2);
			file.write(garbage);
		}
	}

}
