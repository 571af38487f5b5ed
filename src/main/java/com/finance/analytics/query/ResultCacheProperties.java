package com.finance.analytics.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The snapshot-keyed result cache ({@link ResultCache}).
 *
 * @param maxSize approximate heap the cached answers may take (0 switches the cache off):
 * the statements no working set answers (pages filtered by accounts or tags, whole
 * ranges, counts), so it is small next to the working sets
 * @param workingSetMaxSize approximate heap the users' working sets may take (the ids
 * they own, their accounts and tags, their rows per date, sums per date and whole rows; 0
 * switches it off): a few KB per user, about 95 KB with two years of transactions kept,
 * paged and totalled, so the default holds about 1,300 such users
 * @param workingSetRows the most rows of one user in a dataset that are read and kept
 * whole: a relation's target (their accounts, their tags; a user with more has each batch
 * of keys looked up instead), and a dataset paged by dates (their transactions; a user
 * with more has each page read by a statement)
 */
@ConfigurationProperties("analytics.cache")
public record ResultCacheProperties(@DefaultValue("16MB") DataSize maxSize,
		@DefaultValue("128MB") DataSize workingSetMaxSize, @DefaultValue("2000") int workingSetRows) {
}
