/* testutil.h - what every cmocka unit test includes. */
#ifndef LLMDECK_TESTUTIL_H
#define LLMDECK_TESTUTIL_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Doubles compared to a tolerance (cmocka has no float assertion in 1.1.5). */
#define assert_near(a, b, eps) \
    do { double a_ = (a), b_ = (b); \
         if (!(fabs(a_ - b_) <= (eps))) \
             fail_msg("%s = %.9g, expected %.9g (+/- %g)", #a, a_, b_, (double)(eps)); \
    } while (0)

#endif
