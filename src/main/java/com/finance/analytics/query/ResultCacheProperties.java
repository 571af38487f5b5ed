package com.finance.analytics.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The snapshot-keyed result cache ({@link ResultCache}).
 *
 * @param maxSize approximate heap the cached results may take (0 switches the cache off);
 * the default fits a 512 MiB heap next to the request working memory
 * @param workingSetRows the most rows of one user in a relation's target dataset (their
 * accounts, their tags) that are read and kept whole; a user with more has each batch of
 * keys looked up instead
 */
@ConfigurationProperties("analytics.cache")
public record ResultCacheProperties(@DefaultValue("64MB") DataSize maxSize, @DefaultValue("2000") int workingSetRows) {
}
