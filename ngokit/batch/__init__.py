"""Workshop batch mode, ``ngokit batch``: sheets in, one kit per row out, and a report.

``sheets`` reads .xlsx and .csv files (``csvsheet``, ``xlsxsheet``, within ``limits``);
``run`` checks every row and builds the valid ones; ``command`` is the command line;
``template`` writes the spreadsheet to hand out.
"""

from ngokit.batch.run import BatchResult, RowResult, check_rows, run_batch

__all__ = ["BatchResult", "RowResult", "check_rows", "run_batch"]
