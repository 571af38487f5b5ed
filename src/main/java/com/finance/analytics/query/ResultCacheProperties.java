package com.finance.analytics.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The snapshot-keyed result cache ({@link ResultCache}).
 *
 * @param maxSize approximate heap the cached answers may take (0 switches the cache off);
 * the default fits a 512 MiB heap next to the request working memory
 * @param workingSetMaxSize approximate heap the users' working sets may take (the ids
 * they own, their accounts and tags; 0 switches it off): a few KB per user, so the
 * default holds several thousand users
 * @param workingSetRows the most rows of one user in a relation's target dataset (their
 * accounts, their tags) that are read and kept whole; a user with more has each batch of
 * keys looked up instead
 */
@ConfigurationProperties("analytics.cache")
public record ResultCacheProperties(@DefaultValue("64MB") DataSize maxSize,
		@DefaultValue("32MB") DataSize workingSetMaxSize, @DefaultValue("2000") int workingSetRows) {
}
