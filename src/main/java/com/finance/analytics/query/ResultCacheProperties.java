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
 * they own, their accounts and tags, their rows and sums per date; 0 switches it off): a
 * few KB per user, some 40 KB with two years of transactions paged and totalled, so the
 * default holds about 1,500 such users
 * @param workingSetRows the most rows of one user in a relation's target dataset (their
 * accounts, their tags) that are read and kept whole; a user with more has each batch of
 * keys looked up instead
 */
@ConfigurationProperties("analytics.cache")
public record ResultCacheProperties(@DefaultValue("64MB") DataSize maxSize,
		@DefaultValue("64MB") DataSize workingSetMaxSize, @DefaultValue("2000") int workingSetRows) {
}
