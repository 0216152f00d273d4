#!/usr/bin/env bash
# Launcher for gio-spark (named .sh: ./gio-spark is the module folder) in Spark's local mode (or against a standalone master with --master spark://...).
# Builds nothing: run `mvn -B verify` (or `mvn -B package -DskipTests`) first. On a real cluster use
# spark-submit with gio-spark/target/gio-spark.jar instead (see README, "On a Spark cluster").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/gio-spark/target/gio-spark.jar"
cp_file="$here/gio-spark/target/spark-classpath.txt"
if [[ ! -f "$jar" || ! -f "$cp_file" ]]; then
  echo "gio-spark: not built yet; run 'mvn -B verify' (or 'mvn -B package -DskipTests') in $here first" >&2
  exit 1
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Spark 4 on Java 17 opens these packages; the simd kernels need the Vector API module (driver and,
# through spark.executor.extraJavaOptions, executors).
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED"
# shellcheck disable=SC2086
exec "$java_bin" $opens --add-modules jdk.incubator.vector -XX:+UseParallelGC ${GIO_JAVA_OPTS:-} \
  -Dspark.ui.enabled=false \
  "-Dspark.executor.extraJavaOptions=$(echo $opens) --add-modules jdk.incubator.vector" \
  -cp "$jar:$(cat "$cp_file")" org.gio.spark.GioSparkMain "$@"
