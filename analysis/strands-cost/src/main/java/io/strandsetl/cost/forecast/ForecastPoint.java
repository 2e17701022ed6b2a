package io.strandsetl.cost.forecast;

import java.time.LocalDate;

/**
 * One forecast day, USD.
 *
 * @param expectedUsd point forecast, floored at 0
 * @param lowerUsd lower end of the 80% prediction interval, floored at 0
 * @param upperUsd upper end of the 80% prediction interval
 */
public record ForecastPoint(LocalDate day, double expectedUsd, double lowerUsd, double upperUsd) {}
