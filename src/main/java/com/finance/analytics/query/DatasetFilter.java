package com.finance.analytics.query;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller's filter: an inclusive date range and id lists (empty = no restriction). A
 * client cannot send an empty list ({@link #emptyIdList}): whether it meant "none" or
 * "all" is a guess, so both APIs refuse it.
 */
public record DatasetFilter(Optional<LocalDate> startDate, Optional<LocalDate> endDate, List<UUID> accountIds,
		List<UUID> tagIds) {

	public static final DatasetFilter NONE = new DatasetFilter(Optional.empty(), Optional.empty(), List.of(),
			List.of());

	public DatasetFilter {
		accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
		tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
		if (startDate.isPresent() && endDate.isPresent() && endDate.get().isBefore(startDate.get())) {
			throw ErrorCode.BAD_REQUEST
				.exception("endDate " + endDate.get() + " is before startDate " + startDate.get());
		}
	}

	public static DatasetFilter of(LocalDate startDate, LocalDate endDate, List<UUID> accountIds, List<UUID> tagIds) {
		return new DatasetFilter(Optional.ofNullable(startDate), Optional.ofNullable(endDate), accountIds, tagIds);
	}

	/**
	 * {@code ids} as given; absent (null) means no restriction, and an empty list is
	 * refused rather than read as "all" or "none".
	 */
	public static List<UUID> nonEmptyIds(List<UUID> ids, String argument) {
		if (ids != null && ids.isEmpty()) {
			throw emptyIdList(argument);
		}
		return ids;
	}

	/**
	 * The refusal of an id list argument given as an empty list, in the same words on
	 * both APIs.
	 */
	public static AnalyticsException emptyIdList(String argument) {
		return ErrorCode.BAD_REQUEST
			.exception(argument + " is an empty list, which is not a filter; omit it to include all of your rows");
	}

	public boolean hasDateRange() {
		return startDate.isPresent() || endDate.isPresent();
	}
}
