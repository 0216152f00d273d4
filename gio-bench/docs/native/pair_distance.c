// Reference point for PairKernelBench: one query against one row, squared distance, AVX2, no harness.
// gcc -O3 -mavx2 -mfma pair_distance.c -o /tmp/pair_distance && /tmp/pair_distance
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
__attribute__((noipa)) float dist(const float*a,const float*b,int d){
  __m256 s0=_mm256_setzero_ps(),s1=s0,s2=s0,s3=s0;
  for(int i=0;i<d;i+=32){
    __m256 d0=_mm256_sub_ps(_mm256_loadu_ps(a+i),_mm256_loadu_ps(b+i)); s0=_mm256_fmadd_ps(d0,d0,s0);
    __m256 d1=_mm256_sub_ps(_mm256_loadu_ps(a+i+8),_mm256_loadu_ps(b+i+8)); s1=_mm256_fmadd_ps(d1,d1,s1);
    __m256 d2=_mm256_sub_ps(_mm256_loadu_ps(a+i+16),_mm256_loadu_ps(b+i+16)); s2=_mm256_fmadd_ps(d2,d2,s2);
    __m256 d3=_mm256_sub_ps(_mm256_loadu_ps(a+i+24),_mm256_loadu_ps(b+i+24)); s3=_mm256_fmadd_ps(d3,d3,s3);}
  __m256 s=_mm256_add_ps(_mm256_add_ps(s0,s1),_mm256_add_ps(s2,s3));
  __m128 l=_mm_add_ps(_mm256_castps256_ps128(s),_mm256_extractf128_ps(s,1)); l=_mm_hadd_ps(l,l); l=_mm_hadd_ps(l,l); return _mm_cvtss_f32(l);}
// a starts 0, 4 or 1 floats past a 64-byte boundary: aligned, every other 32-byte load crossing a
// cache line, and every load misaligned (PairAlignmentProbe measures the Java kernel the same way).
int main(){ static float a[1024+8] __attribute__((aligned(64))),b[1024+8] __attribute__((aligned(64)));
  for(int i=0;i<1032;i++){a[i]=i*0.001f;b[i]=1-i*0.002f;}
  int ds[]={64,384,768,1024}, offs[]={0,4,1};
  for(int o=0;o<3;o++) for(int k=0;k<4;k++){int d=ds[k]; float s=0; double best=1e9;
    for(int r=0;r<20;r++){ double t0=now(); for(int i=0;i<1000000;i++){ s+=dist(a+offs[o],b,d);} double t=(now()-t0)/1e6; if(t<best)best=t;}
    printf("C distance d=%d, a offset %d floats: %.1f ns/op, %.1f GFLOP/s (%g)\n",d,offs[o],best*1e9,3.0*d/best/1e9,s);}
}
