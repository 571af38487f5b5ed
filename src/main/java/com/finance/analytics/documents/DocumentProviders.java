package com.finance.analytics.documents;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives each engine its document provider, sharing one persisted-queries store and the
 * trusted-documents manifest. When an engine is built for a new snapshot, every trusted
 * document is validated against its schema, so an operator sees at the swap (in the log)
 * which client operations the new schema breaks.
 */
@Component
@EnableConfigurationProperties(PersistedQueries.Properties.class)
public class DocumentProviders {

	private static final Logger LOG = LoggerFactory.getLogger(DocumentProviders.class);

	private final PersistedQueries persisted;

	private final Optional<TrustedDocuments> trusted;

	DocumentProviders(PersistedQueries.Properties properties, JsonMapper json) {
		this.persisted = new PersistedQueries(properties.persistedQueries());
		this.trusted = Optional.ofNullable(properties.trustedDocuments())
			.filter(path -> !path.isBlank())
			.map(path -> TrustedDocuments.read(Path.of(path), json));
		trusted.ifPresent(documents -> LOG.info("Trusted-documents mode: only the {} documents of {} run",
				documents.size(), properties.trustedDocuments()));
	}

	public PreparsedDocumentProvider forSchema(GraphQLSchema schema) {
		trusted.ifPresent(documents -> {
			List<String> invalid = invalidIn(schema, documents);
			if (!invalid.isEmpty()) {
				LOG.warn("{} of {} trusted documents are not valid against the new schema and will fail: {}",
						invalid.size(), documents.size(), invalid);
			}
		});
		return new DocumentProvider(persisted, trusted);
	}

	/**
	 * The document a request names by hash (trusted or registered), to tell its operation
	 * type before running it.
	 */
	public Optional<String> known(Map<String, Object> extensions) {
		return DocumentHashes.requested(extensions)
			.flatMap(hash -> trusted.isPresent() ? trusted.get().get(hash) : persisted.get(hash));
	}

	static List<String> invalidIn(GraphQLSchema schema, TrustedDocuments documents) {
		return documents.hashes().stream().filter(hash -> {
			ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
					ExecutionInput.newExecutionInput(documents.get(hash).orElseThrow()).build());
			return result.isFailure();
		}).toList();
	}

}
