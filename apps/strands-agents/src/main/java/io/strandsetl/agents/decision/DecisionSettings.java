package io.strandsetl.agents.decision;

import io.strandsetl.model.config.Settings;

/**
 * The Decision agent's assumptions ({@code agents.decision.*}); docs/agents.md says why each
 * default.
 *
 * @param localCores cores of this machine available to embedded Spark
 * @param localMaxInputBytes largest input a single machine is trusted with, bytes
 * @param clusterCores cores of a configured Spark cluster; 0 = no cluster
 * @param clusterUsdPerCoreHour marginal price of that cluster, USD per core-hour (0 = sunk cost)
 * @param bytesPerCoreSecond throughput assumed without history, bytes per core-second
 * @param costWeight weight of cost against time in the score, fraction 0-1
 * @param defaultRuntimeMinutes the run time cloud workers are sized for without a deadline
 */
record DecisionSettings(
    int localCores,
    long localMaxInputBytes,
    int clusterCores,
    double clusterUsdPerCoreHour,
    long bytesPerCoreSecond,
    double costWeight,
    double defaultRuntimeMinutes) {

  static DecisionSettings from(Settings s) {
    return new DecisionSettings(
        s.getInt("agents.decision.local-cores", Runtime.getRuntime().availableProcessors()),
        s.getBytes("agents.decision.local-max-input-bytes", 50L << 30),
        s.getInt("agents.decision.cluster-cores", 0),
        s.getDouble("agents.decision.cluster-usd-per-core-hour", 0),
        s.getBytes("agents.decision.bytes-per-core-second", 25L << 20),
        s.getDouble("agents.decision.cost-weight", 0.6),
        s.getDouble("agents.decision.default-runtime-minutes", 10));
  }
}
