/* A stand-in for the two Numerical Recipes routines the authors' code calls (dvector, free_dvector: a double array
   indexed nl..nh), written for run.sh; not Numerical Recipes' own file. */
#ifndef NRUTIL_STANDIN_H
#define NRUTIL_STANDIN_H
#include <stdlib.h>
static double *dvector(long nl, long nh) {
    double *v = (double *)malloc((size_t)(nh - nl + 2) * sizeof(double));
    if (!v) { exit(1); }
    return v - nl + 1;
}
static void free_dvector(double *v, long nl, long nh) { (void)nh; free(v + nl - 1); }
#endif
