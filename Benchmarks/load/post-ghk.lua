-- wrk script: POST /api/ghk with the workbench's default cell (K/Na/Cl), as the page sends it.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"inside": {"K": 140, "Na": 12, "Cl": 7}, "outside": {"K": 5, "Na": 145, "Cl": 120}, "permeability": {"K": 1, "Na": 0.04, "Cl": 0.45}, "temperature": 37}'
