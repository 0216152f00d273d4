// The FMA peak of one core: ten independent chains of ymm FMAs in registers, and the clock from a
// dependent integer add chain. gcc -O2 -mavx2 -mfma fma_peak.c -o /tmp/fma_peak && /tmp/fma_peak
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(){
  for(int r=0;r<6;r++){
  __m256 m=_mm256_set1_ps(0.999999f), c=_mm256_set1_ps(1e-7f);
  __m256 a0=_mm256_set1_ps(r),a1=_mm256_set1_ps(1),a2=_mm256_set1_ps(2),a3=_mm256_set1_ps(3),a4=_mm256_set1_ps(4),a5=_mm256_set1_ps(5),a6=_mm256_set1_ps(6),a7=_mm256_set1_ps(7),a8=_mm256_set1_ps(8),a9=_mm256_set1_ps(9);
  long n=100000000; double t0=now();
  for(long i=0;i<n;i++){a0=_mm256_fmadd_ps(a0,m,c);a1=_mm256_fmadd_ps(a1,m,c);a2=_mm256_fmadd_ps(a2,m,c);a3=_mm256_fmadd_ps(a3,m,c);a4=_mm256_fmadd_ps(a4,m,c);a5=_mm256_fmadd_ps(a5,m,c);a6=_mm256_fmadd_ps(a6,m,c);a7=_mm256_fmadd_ps(a7,m,c);a8=_mm256_fmadd_ps(a8,m,c);a9=_mm256_fmadd_ps(a9,m,c);}
  double t1=now();
  __m256 s=_mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a0,a1),_mm256_add_ps(a2,a3)),_mm256_add_ps(_mm256_add_ps(a4,a5),_mm256_add_ps(_mm256_add_ps(a6,a7),_mm256_add_ps(a8,a9))));
  float o[8]; _mm256_storeu_ps(o,s);
  // dependent integer chain: 1 cycle per add
  volatile long z0=r; long z=z0; double t2=now();
  for(long i=0;i<1000000000;i++){ __asm__ volatile("add $1, %0" : "+r"(z)); }
  double t3=now();
  printf("ymm fma/ns %.2f  clock GHz (add chain) %.2f  fma/cycle %.2f  %g %ld\n", n*10/(t1-t0)/1e9, 1e9/(t3-t2)/1e9, (n*10/(t1-t0))/(1e9/(t3-t2)), o[0], z);
  }
}
