package io.strandsetl.eventlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level fast path for the two most frequent events, {@code SparkListenerTaskEnd} (tens of
 * KB each with SQL accumulables; about 90% of a log's bytes) and {@code SparkListenerTaskStart},
 * as Spark writes them: the line starts with {@code {"Event":"<name>",}. It walks the JSON once,
 * validating it as strictly as Jackson does, without creating tokens or strings.
 *
 * <p>It never decides anything on its own: whenever a line is not the plain shape it knows
 * (escapes or non-ASCII bytes where a value is needed, a number that is not a plain integer, a
 * value of an unexpected type, "Update" before "ID" in an accumulable, deep nesting, anything
 * invalid or cut off) it returns false <em>before changing any state</em>, and the caller parses
 * the line with Jackson as before. So results are identical to the Jackson path by construction
 * for every line it accepts, and the Jackson path decides for every other line.
 */
final class FastEventScanner {
  /** Control flow for "not the plain shape": preallocated, no stack trace. */
  private static final class Bail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bail() {
      super(null, null, false, false);
    }
  }

  private static final Bail BAIL = new Bail();
  // Far below Jackson's limits (nesting 2000, number length 1000), so a line we accept is one
  // Jackson accepts too.
  private static final int MAX_DEPTH = 200;
  private static final int MAX_NUMBER_CHARS = 100;
  // Strings are scanned 8 bytes at a time (lowest address = lowest bits) for the bytes that end or
  // interrupt them: '"', '\\', control characters and non-ASCII bytes.
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;

  static final byte[] TASK_END = ascii("{\"Event\":\"SparkListenerTaskEnd\",");
  static final byte[] TASK_START = ascii("{\"Event\":\"SparkListenerTaskStart\",");

  private static final byte[] ACC_ID = ascii("{\"ID\":");
  private static final byte[] ACC_NAME = ascii(",\"Name\":");
  private static final byte[] ACC_UPDATE = ascii(",\"Update\":");
  private static final byte[] ACC_VALUE = ascii(",\"Value\":");
  private static final byte[] ACC_INTERNAL = ascii(",\"Internal\":");
  private static final byte[] ACC_COUNT_FAILED = ascii(",\"Count Failed Values\":");
  private static final Key STAGE_ID = Key.of("Stage ID");
  private static final Key STAGE_ATTEMPT_ID = Key.of("Stage Attempt ID");
  private static final Key TASK_END_REASON = Key.of("Task End Reason");
  private static final Key TASK_INFO = Key.of("Task Info");
  private static final Key TASK_METRICS = Key.of("Task Metrics");
  private static final Key TASK_EXECUTOR_METRICS = Key.of("Task Executor Metrics");
  private static final Key REASON = Key.of("Reason");
  private static final Key LAUNCH_TIME = Key.of("Launch Time");
  private static final Key FINISH_TIME = Key.of("Finish Time");
  private static final Key EXECUTOR_ID = Key.of("Executor ID");
  private static final Key HOST = Key.of("Host");
  private static final Key SPECULATIVE = Key.of("Speculative");
  private static final Key FAILED = Key.of("Failed");
  private static final Key KILLED = Key.of("Killed");
  private static final Key ACCUMULABLES = Key.of("Accumulables");
  private static final Key ID = Key.of("ID");
  private static final Key UPDATE = Key.of("Update");
  private static final Key EXECUTOR_RUN_TIME = Key.of("Executor Run Time");
  private static final Key EXECUTOR_CPU_TIME = Key.of("Executor CPU Time");
  private static final Key JVM_GC_TIME = Key.of("JVM GC Time");
  private static final Key PEAK_EXECUTION_MEMORY = Key.of("Peak Execution Memory");
  private static final Key MEMORY_BYTES_SPILLED = Key.of("Memory Bytes Spilled");
  private static final Key DISK_BYTES_SPILLED = Key.of("Disk Bytes Spilled");
  private static final Key INPUT_METRICS = Key.of("Input Metrics");
  private static final Key OUTPUT_METRICS = Key.of("Output Metrics");
  private static final Key SHUFFLE_READ_METRICS = Key.of("Shuffle Read Metrics");
  private static final Key SHUFFLE_WRITE_METRICS = Key.of("Shuffle Write Metrics");
  private static final Key BYTES_READ = Key.of("Bytes Read");
  private static final Key RECORDS_READ = Key.of("Records Read");
  private static final Key BYTES_WRITTEN = Key.of("Bytes Written");
  private static final Key RECORDS_WRITTEN = Key.of("Records Written");
  private static final Key REMOTE_BYTES_READ = Key.of("Remote Bytes Read");
  private static final Key LOCAL_BYTES_READ = Key.of("Local Bytes Read");
  private static final Key TOTAL_RECORDS_READ = Key.of("Total Records Read");
  private static final Key FETCH_WAIT_TIME = Key.of("Fetch Wait Time");
  private static final Key SHUFFLE_BYTES_WRITTEN = Key.of("Shuffle Bytes Written");
  private static final Key SHUFFLE_WRITE_TIME = Key.of("Shuffle Write Time");
  private static final Key SHUFFLE_RECORDS_WRITTEN = Key.of("Shuffle Records Written");
  private static final Key JVM_HEAP_MEMORY = Key.of("JVMHeapMemory");
  private static final Key JVM_OFF_HEAP_MEMORY = Key.of("JVMOffHeapMemory");

  private byte[] b;
  private int pos;
  private int end;
  // The current key: b[keyStart, keyEnd), ASCII without escapes.
  private int keyStart;
  private int keyEnd;
  // SQL accumulator updates of the line, applied only once the whole line is accepted.
  private long[] updateIds = new long[256];
  private long[] updateValues = new long[256];
  private int updates;
  // Executor ids and hosts repeat on every task: keep the last strings instead of new ones.
  private String lastExecutorId = "";
  private String lastHost = "";
  private String lastReason = "";

  static boolean startsWith(byte[] buffer, int offset, int length, byte[] prefix) {
    if (length <= prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buffer[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses a line that starts with {@link #TASK_END} into {@code t}.
   *
   * @return false (nothing changed) when the Jackson path must parse the line
   */
  boolean taskEnd(byte[] buffer, int offset, int length, TaskEndEvent t, SqlAccumulators sql) {
    b = buffer;
    pos = offset + TASK_END.length;
    end = offset + length;
    updates = 0;
    t.reset();
    try {
      do {
        readKey();
        colon();
        if (keyIs(STAGE_ID)) {
          t.stageId = intValue();
        } else if (keyIs(STAGE_ATTEMPT_ID)) {
          t.stageAttemptId = intValue();
        } else if (keyIs(TASK_END_REASON)) {
          if (peek() == '{') {
            reason(t);
          } else {
            skipValue(1);
          }
        } else if (keyIs(TASK_INFO)) {
          if (peek() == '{') {
            taskInfo(t, sql);
          } else {
            skipValue(1);
          }
        } else if (keyIs(TASK_METRICS)) {
          if (peek() == '{') {
            taskMetrics(t);
          } else {
            skipValue(1);
          }
        } else if (keyIs(TASK_EXECUTOR_METRICS)) {
          if (peek() == '{') {
            executorMetrics(t);
          } else {
            skipValue(1);
          }
        } else {
          skipValue(1);
        }
      } while (nextMember());
    } catch (Bail | ArrayIndexOutOfBoundsException e) {
      return false;
    }
    if (pos > end) {
      return false; // read past the line: it was cut off
    }
    for (int i = 0; i < updates; i++) {
      sql.addTaskUpdate(updateIds[i], updateValues[i]);
    }
    return true;
  }

  /**
   * Validates the rest of a line that starts with {@code prefix} (an object's first member and its
   * comma), the way Jackson's skipping would.
   *
   * @return false when the line is not valid (or not plain enough) JSON: Jackson decides then
   */
  boolean skipObjectRest(byte[] buffer, int offset, int length, byte[] prefix) {
    b = buffer;
    pos = offset + prefix.length;
    end = offset + length;
    try {
      do {
        readKey();
        colon();
        skipValue(1);
      } while (nextMember());
    } catch (Bail | ArrayIndexOutOfBoundsException e) {
      return false;
    }
    return pos <= end;
  }

  // ------------------------------------------------------------------ event parts

  private void reason(TaskEndEvent t) {
    pos++; // '{'
    if (emptyObject()) {
      return;
    }
    do {
      readKey();
      colon();
      if (keyIs(REASON)) {
        t.reason = lastReason = stringValue(lastReason);
      } else {
        skipValue(2);
      }
    } while (nextMember());
  }

  private void taskInfo(TaskEndEvent t, SqlAccumulators sql) {
    pos++;
    if (emptyObject()) {
      return;
    }
    do {
      readKey();
      colon();
      if (keyIs(LAUNCH_TIME)) {
        t.launchTimeMs = longValue();
      } else if (keyIs(FINISH_TIME)) {
        t.finishTimeMs = longValue();
      } else if (keyIs(EXECUTOR_ID)) {
        t.executorId = lastExecutorId = stringValue(lastExecutorId);
      } else if (keyIs(HOST)) {
        t.host = lastHost = stringValue(lastHost);
      } else if (keyIs(SPECULATIVE)) {
        t.speculative = scalarIsTrue();
      } else if (keyIs(FAILED)) {
        t.hasFailedFlag = true;
        t.failedFlag = scalarIsTrue();
      } else if (keyIs(KILLED)) {
        t.killedFlag = scalarIsTrue();
      } else if (keyIs(ACCUMULABLES) && peek() == '[') {
        accumulables(sql);
      } else {
        skipValue(2);
      }
    } while (nextMember());
  }

  private void accumulables(SqlAccumulators sql) {
    pos++; // '['
    ws();
    if (b[pos] == ']') {
      pos++;
      return;
    }
    do {
      ws();
      if (b[pos] != '{') {
        skipValue(3);
        continue;
      }
      if (!sparkAccumulable(sql)) {
        pos++;
        if (emptyObject()) {
          continue;
        }
        accumulableMembers(sql, Long.MIN_VALUE, false, true);
      }
    } while (nextElement());
  }

  /**
   * The members of an accumulable from the current one ({@code first}) or from the ',' / '}' after
   * the last one handled, with the ID seen so far.
   */
  private void accumulableMembers(SqlAccumulators sql, long id, boolean known, boolean first) {
    if (!first && !nextMember()) {
      return;
    }
    do {
      readKey();
      colon();
      if (keyIs(ID)) {
        id = longValue();
        known = sql.isSqlMetric(id);
      } else if (keyIs(UPDATE)) {
        if (known) {
          addUpdate(id, b[pos] == '"' ? quotedLong() : longValue());
        } else if (id == Long.MIN_VALUE) {
          throw BAIL; // "Update" before "ID": the Jackson path keeps it pending
        } else {
          skipValue(4);
        }
      } else {
        skipValue(4);
      }
    } while (nextMember());
  }

  /**
   * An accumulable laid out exactly as Spark writes it, {@code {"ID":n,"Name":"…","Update":v,
   * "Value":v,"Internal":b,"Count Failed Values":b[,"Metadata":…]}}, matched by its literal key
   * bytes instead of reading each key. Members after the expected ones go through the general loop,
   * so the result is what {@link #accumulableMembers} gives.
   *
   * @return false, having consumed nothing, when the object does not start that way
   */
  private boolean sparkAccumulable(SqlAccumulators sql) {
    int start = pos;
    if (!literal(ACC_ID)) {
      return false;
    }
    long id = longValue();
    if (!literal(ACC_NAME) || b[pos] != '"') {
      pos = start;
      return false;
    }
    skipString();
    if (!literal(ACC_UPDATE)) {
      pos = start;
      return false;
    }
    boolean known = sql.isSqlMetric(id);
    if (known) {
      addUpdate(id, b[pos] == '"' ? quotedLong() : longValue());
    } else {
      skipValue(4);
    }
    // Members that are neither "ID" nor "Update" are only validated.
    if (literal(ACC_VALUE)) {
      skipValue(4);
      if (literal(ACC_INTERNAL)) {
        skipValue(4);
        if (literal(ACC_COUNT_FAILED)) {
          skipValue(4);
        }
      }
    }
    accumulableMembers(sql, id, known, false);
    return true;
  }

  /** Consumes {@code lit} when the line continues with exactly those bytes. */
  private boolean literal(byte[] lit) {
    if (pos + lit.length > end) {
      return false;
    }
    for (int i = 0; i < lit.length; i++) {
      if (b[pos + i] != lit[i]) {
        return false;
      }
    }
    pos += lit.length;
    return true;
  }

  private void taskMetrics(TaskEndEvent t) {
    pos++;
    if (emptyObject()) {
      return;
    }
    do {
      readKey();
      colon();
      if (keyIs(EXECUTOR_RUN_TIME)) {
        t.executorRunTimeMs = longValue();
      } else if (keyIs(EXECUTOR_CPU_TIME)) {
        t.executorCpuTimeNs = longValue();
      } else if (keyIs(JVM_GC_TIME)) {
        t.jvmGcTimeMs = longValue();
      } else if (keyIs(PEAK_EXECUTION_MEMORY)) {
        t.peakExecutionMemoryBytes = longValue();
      } else if (keyIs(MEMORY_BYTES_SPILLED)) {
        t.memorySpillBytes = longValue();
      } else if (keyIs(DISK_BYTES_SPILLED)) {
        t.diskSpillBytes = longValue();
      } else if (keyIs(INPUT_METRICS)) {
        io(t, true);
      } else if (keyIs(OUTPUT_METRICS)) {
        io(t, false);
      } else if (keyIs(SHUFFLE_READ_METRICS)) {
        shuffleRead(t);
      } else if (keyIs(SHUFFLE_WRITE_METRICS)) {
        shuffleWrite(t);
      } else {
        skipValue(2);
      }
    } while (nextMember());
  }

  private void io(TaskEndEvent t, boolean input) {
    if (peek() != '{') {
      skipValue(2);
      return;
    }
    pos++;
    if (emptyObject()) {
      return;
    }
    do {
      readKey();
      colon();
      // The Jackson path reads these as longs only on the matching side; demanding a plain
      // integer on both sides keeps odd values on that path.
      if (keyIs(BYTES_READ)) {
        long v = longValue();
        t.inputBytes += input ? v : 0;
      } else if (keyIs(RECORDS_READ)) {
        long v = longValue();
        t.inputRecords += input ? v : 0;
      } else if (keyIs(BYTES_WRITTEN)) {
        long v = longValue();
        t.outputBytes += input ? 0 : v;
      } else if (keyIs(RECORDS_WRITTEN)) {
        long v = longValue();
        t.outputRecords += input ? 0 : v;
      } else {
        skipValue(3);
      }
    } while (nextMember());
  }

  private void shuffleRead(TaskEndEvent t) {
    if (peek() != '{') {
      skipValue(2);
      return;
    }
    pos++;
    if (emptyObject()) {
      return;
    }
    do {
      readKey();
      colon();
      if (keyIs(REMOTE_BYTES_READ)) {
        t.shuffleRemoteBytes = longValue();
      } else if (keyIs(LOCAL_BYTES_READ)) {
        t.shuffleLocalBytes = longValue();
      } else if (keyIs(TOTAL_RECORDS_READ)) {
        t.shuffleRecordsRead = longValue();
      } else if (keyIs(FETCH_WAIT_TIME)) {
        t.shuffleFetchWaitMs = longValue();
      } else {
        skipValue(3);
      }
    } while (nextMember());
  }

  private void shuffleWrite(TaskEndEvent t) {
    if (peek() != '{') {
      skipValue(2);
      return;
    }
    pos++;
    if (emptyObject()) {
      return;
    }
    do {
      readKey();
      colon();
      if (keyIs(SHUFFLE_BYTES_WRITTEN)) {
        t.shuffleWriteBytes = longValue();
      } else if (keyIs(SHUFFLE_WRITE_TIME)) {
        t.shuffleWriteTimeNs = longValue();
      } else if (keyIs(SHUFFLE_RECORDS_WRITTEN)) {
        t.shuffleWriteRecords = longValue();
      } else {
        skipValue(3);
      }
    } while (nextMember());
  }

  private void executorMetrics(TaskEndEvent t) {
    pos++;
    if (emptyObject()) {
      return;
    }
    do {
      readKey();
      colon();
      if (keyIs(JVM_HEAP_MEMORY)) {
        t.jvmHeapPeakBytes = longValue();
      } else if (keyIs(JVM_OFF_HEAP_MEMORY)) {
        t.jvmOffHeapPeakBytes = longValue();
      } else {
        skipValue(2);
      }
    } while (nextMember());
  }

  private void addUpdate(long id, long value) {
    if (updates == updateIds.length) {
      updateIds = Arrays.copyOf(updateIds, updates * 2);
      updateValues = Arrays.copyOf(updateValues, updates * 2);
    }
    updateIds[updates] = id;
    updateValues[updates] = value;
    updates++;
  }

  // ------------------------------------------------------------------ JSON grammar

  private void ws() {
    byte c;
    while ((c = b[pos]) == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pos++;
    }
    if (pos >= end) {
      throw BAIL;
    }
  }

  private byte peek() {
    ws();
    return b[pos];
  }

  private void colon() {
    ws();
    if (b[pos] != ':') {
      throw BAIL;
    }
    pos++;
    ws();
  }

  /** After '{': true (and consumed) when the object is empty. */
  private boolean emptyObject() {
    ws();
    if (b[pos] == '}') {
      pos++;
      return true;
    }
    return false;
  }

  /** After a member's value: true on ',', false on '}' (consumed), else invalid. */
  private boolean nextMember() {
    ws();
    byte c = b[pos++];
    if (c == ',') {
      return true;
    }
    if (c == '}') {
      return false;
    }
    throw BAIL;
  }

  /** After an element: true on ',', false on ']' (consumed), else invalid. */
  private boolean nextElement() {
    ws();
    byte c = b[pos++];
    if (c == ',') {
      return true;
    }
    if (c == ']') {
      return false;
    }
    throw BAIL;
  }

  /** A key without escapes or non-ASCII bytes; its bounds go to keyStart/keyEnd. */
  private void readKey() {
    ws();
    if (b[pos] != '"') {
      throw BAIL;
    }
    int i = special(pos + 1);
    if (b[i] != '"' || i >= end) {
      throw BAIL; // an escape, a control character or non-ASCII in a key: Jackson decides
    }
    keyStart = pos + 1;
    keyEnd = i;
    pos = i + 1;
  }

  /**
   * The first index from {@code i} holding '"', '\\', a control character or a non-ASCII byte; may
   * run past the line's end (callers check).
   */
  private int special(int i) {
    for (int last = end - 8; i <= last; i += 8) {
      long x = (long) LONGS.get(b, i);
      long q = x ^ QUOTES;
      long s = x ^ BACKSLASHES;
      // Per term, the lowest flagged byte is exact (borrows only disturb higher bytes).
      long found = (((q - ONES) & ~q) | ((s - ONES) & ~s) | ((x - SPACES) & ~x) | x) & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    while (true) {
      byte c = b[i];
      if (c == '"' || c == '\\' || c < 0x20) {
        return i;
      }
      i++;
    }
  }

  /** Compares the current key with a constant: length first, then bytes. */
  private boolean keyIs(Key key) {
    if (keyEnd - keyStart != key.bytes.length) {
      return false;
    }
    byte[] k = key.bytes;
    for (int i = 0; i < k.length; i++) {
      if (b[keyStart + i] != k[i]) {
        return false;
      }
    }
    return true;
  }

  /** A key to match, as ASCII bytes. */
  private record Key(byte[] bytes) {
    static Key of(String name) {
      return new Key(ascii(name));
    }
  }

  private void skipValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw BAIL;
    }
    ws();
    byte c = b[pos];
    switch (c) {
      case '"' -> skipString();
      case '{' -> {
        pos++;
        if (emptyObject()) {
          return;
        }
        do {
          ws();
          if (b[pos] != '"') {
            throw BAIL;
          }
          skipString();
          colon();
          skipValue(depth + 1);
        } while (nextMember());
      }
      case '[' -> {
        pos++;
        ws();
        if (b[pos] == ']') {
          pos++;
          return;
        }
        do {
          skipValue(depth + 1);
        } while (nextElement());
      }
      case 't' -> literal('t', 'r', 'u', 'e');
      case 'f' -> {
        literal('f', 'a', 'l', 's');
        if (b[pos++] != 'e') {
          throw BAIL;
        }
      }
      case 'n' -> literal('n', 'u', 'l', 'l');
      default -> skipNumber();
    }
  }

  private void literal(char c0, char c1, char c2, char c3) {
    if (b[pos] != c0 || b[pos + 1] != c1 || b[pos + 2] != c2 || b[pos + 3] != c3) {
      throw BAIL;
    }
    pos += 4;
  }

  /** A JSON string, validated as Jackson does (escapes, no control characters). */
  private void skipString() {
    int i = pos + 1;
    while (true) {
      i = special(i);
      byte c = b[i];
      if (c == '"') {
        break;
      }
      if (c != '\\') {
        // A control character (invalid) or non-ASCII (Jackson validates UTF-8): let it decide.
        throw BAIL;
      }
      i = escape(i);
    }
    if (i >= end) {
      throw BAIL;
    }
    pos = i + 1;
  }

  /** Validates the escape at b[i] == '\\'; returns the index after it. */
  private int escape(int i) {
    byte e = b[i + 1];
    switch (e) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return i + 2;
      }
      case 'u' -> {
        for (int k = i + 2; k < i + 6; k++) {
          if (Character.digit(b[k], 16) < 0) {
            throw BAIL;
          }
        }
        return i + 6;
      }
      default -> throw BAIL;
    }
  }

  /** A JSON number in Jackson's strict grammar (no leading zeros, digits after '.' and 'e'). */
  private void skipNumber() {
    int start = pos;
    int i = pos;
    if (b[i] == '-') {
      i++;
    }
    i = intDigits(i);
    if (b[i] == '.') {
      i = digits(i + 1);
    }
    if (b[i] == 'e' || b[i] == 'E') {
      i++;
      if (b[i] == '+' || b[i] == '-') {
        i++;
      }
      i = digits(i);
    }
    if (i > end || i - start > MAX_NUMBER_CHARS) {
      throw BAIL;
    }
    pos = i;
  }

  private int intDigits(int i) {
    if (b[i] == '0') {
      if (isDigit(b[i + 1])) {
        throw BAIL; // leading zero
      }
      return i + 1;
    }
    return digits(i);
  }

  /** One or more digits from i; returns the index after them. */
  private int digits(int i) {
    if (!isDigit(b[i])) {
      throw BAIL;
    }
    do {
      i++;
    } while (isDigit(b[i]));
    return i;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** A plain JSON integer of at most 18 digits (fits a long); anything else bails. */
  private long longValue() {
    int i = pos;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    int first = i;
    int after = intDigits(i);
    byte c = b[after];
    if (after - first > 18 || after >= end || c == '.' || c == 'e' || c == 'E') {
      throw BAIL;
    }
    long v = 0;
    for (int k = first; k < after; k++) {
      v = v * 10 + (b[k] - '0');
    }
    pos = after;
    return negative ? -v : v;
  }

  /** A plain integer in int range (Jackson's getIntValue fails outside it). */
  private int intValue() {
    long v = longValue();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw BAIL;
    }
    return (int) v;
  }

  /** A string holding a plain integer, as Long.parseLong reads it ("-12", "007"). */
  private long quotedLong() {
    int i = pos + 1;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    int first = i;
    long v = 0;
    while (isDigit(b[i])) {
      v = v * 10 + (b[i] - '0');
      i++;
    }
    if (i == first || i - first > 18 || b[i] != '"' || i >= end) {
      throw BAIL;
    }
    pos = i + 1;
    return negative ? -v : v;
  }

  /** A string value without escapes; {@code reuse} is returned when it has the same bytes. */
  private String stringValue(String reuse) {
    if (b[pos] != '"') {
      throw BAIL;
    }
    int start = pos + 1;
    int i = special(start);
    if (b[i] != '"' || i >= end) {
      throw BAIL;
    }
    pos = i + 1;
    if (reuse != null && reuse.length() == i - start && sameAscii(reuse, start)) {
      return reuse;
    }
    return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
  }

  private boolean sameAscii(String s, int start) {
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) != b[start + k]) {
        return false;
      }
    }
    return true;
  }

  /** A scalar: true for the literal true, false for any other scalar; containers bail. */
  private boolean scalarIsTrue() {
    byte c = b[pos];
    if (c == '{' || c == '[') {
      throw BAIL;
    }
    boolean isTrue = c == 't';
    skipValue(3);
    return isTrue;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
