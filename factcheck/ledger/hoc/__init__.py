"""Import of the House of Commons Library general election results files into the ledger.

`files.py` reads and checks the official CSV files (every problem as `file:line:column`),
`partycolumns.py` a party-level constituencies file held only as a base (the 2015 result),
`settings.py` reads the choices the files do not record (election ids, the Speaker's former
party, source titles) from the ledger's `imports/hoc-results.yaml`, and `build.py` turns the
checked rows into registry entries and contests and writes them as ledger tables.
"""
