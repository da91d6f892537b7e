"""Workshop batch mode, ``ngokit batch``: sheets in, one kit per row out, and a report.

``sheets`` reads .xlsx and .csv files (``csvsheet``, ``xlsxsheet``, within ``limits``);
``plan`` checks every row and gives it its folder, ``run`` builds the rows whose kit is
missing or changed (``pool``: in parallel) and writes the report; ``command`` is the command line;
``template`` writes the spreadsheet to hand out.
"""

from ngokit.batch.plan import RowResult, plan_rows
from ngokit.batch.run import BatchResult, run_batch

__all__ = ["BatchResult", "RowResult", "plan_rows", "run_batch"]
