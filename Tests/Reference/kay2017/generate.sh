#!/usr/bin/env bash
# Regenerates the reference tables from plm_cd_port.py (a port of Kay's PLM_CD.m; standard-library Python 3).
set -euo pipefail
cd "$(dirname "$0")"
T=0,1000,2000,3000,4000,5000,6000,7000,8000,9000,10000,20000,45000
python3 plm_cd_port.py --constants codata --dt 1e-3 --times $T > kay2017_codata_dt1ms.csv
python3 plm_cd_port.py --constants codata --dt 2e-3 --times $T > kay2017_codata_dt2ms.csv
python3 plm_cd_port.py --constants script --dt 1e-3 --times 0,5000,6000,10000 > kay2017_script_dt1ms.csv
python3 plm_cd_port.py --constants codata --dt 1e-3 --xo 100 --zo -1 --times 0,5000,10000,20000,50000 > kay2017_xo100_codata_dt1ms.csv
python3 plm_cd_port.py --constants codata --dt 1e-3 --gcl 0 --times 0,5000,10000 > kay2017_gcl0_codata_dt1ms.csv
python3 --version
