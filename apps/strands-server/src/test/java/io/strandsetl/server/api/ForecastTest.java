package io.strandsetl.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {
  @Test
  void extendsAnExactLineWithAZeroWidthInterval() {
    List<Double> daily = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      daily.add(5.0 + 2.0 * i);
    }
    List<Forecast.Point> ahead = Forecast.ahead(daily, 3);
    assertThat(ahead.get(0).expectedUsd()).isCloseTo(25.0, within(1e-9));
    assertThat(ahead.get(2).expectedUsd()).isCloseTo(29.0, within(1e-9));
    assertThat(ahead.get(2).highUsd() - ahead.get(2).lowUsd()).isCloseTo(0, within(1e-9));
  }

  @Test
  void intervalWidensWithNoiseAndFurtherAhead() {
    List<Double> daily = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      daily.add(100.0 + (i % 2 == 0 ? 10 : -10));
    }
    List<Forecast.Point> ahead = Forecast.ahead(daily, 30);
    double near = ahead.get(0).highUsd() - ahead.get(0).lowUsd();
    double far = ahead.get(29).highUsd() - ahead.get(29).lowUsd();
    assertThat(near).isGreaterThan(30);
    assertThat(far).isGreaterThan(near);
    assertThat(ahead.get(29).lowUsd()).isGreaterThanOrEqualTo(0);
  }
}
