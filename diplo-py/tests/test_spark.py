"""diplo.spark in Spark local mode: the same rows as the single-machine path.

Skipped only where Spark cannot run at all (pyspark not installed, or no
Java); scripts/test.sh installs pyspark and CI machines have Java 17.
"""

import math
import os
import shutil
import subprocess
import sys

import pytest

import diplo
from diplo import tables

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
pytestmark = [pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]


def _java() -> bool:
    java = shutil.which("java") or (os.path.join(os.environ["JAVA_HOME"], "bin", "java")
                                    if os.environ.get("JAVA_HOME") else None)
    if not java:
        return False
    return subprocess.run([java, "-version"], capture_output=True).returncode == 0


if not _java():
    pytest.skip("no Java runtime for Spark local mode", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Workers run this very interpreter, so they import the diplo under test.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (SparkSession.builder.master("local[2]").appName("diplo-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def key(row):
    return tuple((v is None, "" if v is None else v) for v in (row["document"], row["start"], row["end"], row["text"]))


def normal(rows):
    out = []
    for r in rows:
        out.append({k: (None if v is None or (isinstance(v, float) and math.isnan(v)) else v) for k, v in r.items()})
    return sorted(out, key=key)


def single_machine(items, kind):
    return normal(tables.to_frames(diplo.extract_batch(items), backend="rows")[kind])


def test_files_on_spark_give_the_same_rows_as_one_machine(spark, root):
    from diplo.spark import extract_spark, read_texts

    articles = read_texts(spark, str(root / "seeds")).repartition(2)
    assert articles.count() == 5
    local_items = [(p.read_bytes(), p.stem) for p in sorted((root / "seeds").glob("*.txt"))]
    for kind in ("metrics", "meetings", "commitments"):
        got = extract_spark(articles, text_col="text", id_col="id", kind=kind)
        assert got.columns == [name for name, _ in tables.SCHEMAS[kind]]
        rows = normal(r.asDict() for r in got.collect())
        expected = single_machine(local_items, kind)
        assert rows == expected, kind
        assert len(rows) > 0


def test_dataframe_of_strings_with_dates_and_bad_rows(spark, seeds):
    from diplo.spark import extract_spark

    data = [(f"d{i}", text, "2026-01-10") for i, (_, text) in enumerate(seeds)]
    data.append(("bad-date", seeds[0][1], "2026-02-30"))
    df = spark.createDataFrame(data, "doc STRING, body STRING, published STRING")
    metrics = extract_spark(df, text_col="body", id_col="doc", date_col="published")
    pdf = metrics.toPandas()
    local = tables.to_frames(diplo.extract_batch([(t, i, d) for i, t, d in data]))["metrics"]
    assert normal(pdf.to_dict("records")) == normal(local.to_dict("records"))
    errors = extract_spark(df, text_col="body", id_col="doc", date_col="published", kind="errors").collect()
    assert [(e["document"], e["code"]) for e in errors] == [("bad-date", "invalid_date")]


def test_readme_spark_example_runs(spark, root, monkeypatch, capsys):
    import re

    monkeypatch.chdir(root)
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "pyspark" in b)
    exec(compile(block, "README.md", "exec"), {})
    assert "agreements_signed" in capsys.readouterr().out
