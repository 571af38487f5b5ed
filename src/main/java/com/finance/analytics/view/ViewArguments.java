package com.finance.analytics.view;

import com.finance.analytics.query.DatasetFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The values of a view's arguments, read by either API; an absent id list is empty. */
public record ViewArguments(LocalDate startDate, LocalDate endDate, List<UUID> accountIds, List<UUID> tagIds) {

	public ViewArguments {
		accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
		tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
	}

	DatasetFilter filter() {
		return DatasetFilter.of(startDate, endDate, accountIds, tagIds);
	}
}
