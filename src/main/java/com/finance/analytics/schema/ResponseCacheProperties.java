package com.finance.analytics.schema;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The snapshot-keyed cache of whole answers ({@link ResponseCache}).
 *
 * @param maxSize approximate heap the kept answers may take (0 switches the cache off);
 * the default fits a 512 MiB heap beside the statement result cache
 */
@ConfigurationProperties("analytics.response-cache")
public record ResponseCacheProperties(@DefaultValue("32MB") DataSize maxSize) {
}
