package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.TestFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schema generated from the test snapshot's dbt metadata must equal the committed
 * {@code schema/schema.graphqls}, so any change to the marts or their metadata shows up
 * as a reviewed schema diff. To accept a change, regenerate: {@code make schema} (runs
 * this test with {@code -Danalytics.schema.update=true}).
 */
@GatewayTest
class SchemaDriftTest {

	private static final Path COMMITTED = TestFixtures.repoRoot().resolve("schema/schema.graphqls");

	@Autowired
	private CurrentSnapshotGraphQlSource graphQlSource;

	@Test
	void generatedSchemaEqualsTheCommittedSchema() throws Exception {
		assertThat(graphQlSource.schema().getQueryType().getFieldDefinition("fctTransactions"))
			.as("the test snapshot is served")
			.isNotNull();
		String generated = SchemaSdl.print(graphQlSource.schema());
		if (Boolean.getBoolean("analytics.schema.update")) {
			Files.writeString(COMMITTED, generated);
		}
		assertThat(COMMITTED).as("committed schema; regenerate with `make schema`").exists();
		assertThat(Files.readString(COMMITTED))
			.as("schema/schema.graphqls is out of date with the dbt metadata; review and run `make schema`")
			.isEqualTo(generated);
	}

}
