// Reference point: the same four-row gradient pass as PanamaVectorOps.gradientChunk, in C with AVX2.
// gcc -O3 -mavx2 -mfma gradient_pass.c -o /tmp/gradient_pass -lm && /tmp/gradient_pass
#include <immintrin.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static inline float hsum(__m256 a){__m128 l=_mm256_castps256_ps128(a),h=_mm256_extractf128_ps(a,1);l=_mm_add_ps(l,h);l=_mm_hadd_ps(l,l);l=_mm_hadd_ps(l,l);return _mm_cvtss_f32(l);}
int main(int argc,char**argv){
  int n=1500,d=768; float*x=aligned_alloc(64,(size_t)n*d*4); float*v=aligned_alloc(64,d*4); float*acc=aligned_alloc(64,d*4);
  double*norms=malloc(n*8); double*out=malloc(d*8); srand(4);
  for(long i=0;i<(long)n*d;i++) x[i]=(rand()/(float)RAND_MAX-0.5f)*3.4f;
  for(int i=0;i<d;i++) v[i]=(rand()/(float)RAND_MAX-0.5f)*0.3f;
  for(int r=0;r<n;r++){double s=0;for(int c=0;c<d;c++)s+=(double)x[r*d+c]*x[r*d+c];norms[r]=s;}
  for(int round=0;round<5;round++){
    double best=1e9;
    for(int rep=0;rep<2000;rep++){
      double t0=now(); double vv=0; for(int c=0;c<d;c++) vv+=(double)v[c]*v[c];
      memset(out,0,d*8);
      for(int ch=0;ch<n;ch+=256){ int to=ch+256<n?ch+256:n; memset(acc,0,d*4);
        for(int r=ch;r+4<=to;r+=4){ const float*x0=x+(long)r*d,*x1=x0+d,*x2=x1+d,*x3=x2+d;
          __m256 a0=_mm256_setzero_ps(),a1=a0,a2=a0,a3=a0,b0=a0,b1=a0,b2=a0,b3=a0;
          for(int c=0;c<d;c+=16){ __m256 va=_mm256_load_ps(v+c),vb=_mm256_load_ps(v+c+8);
            a0=_mm256_fmadd_ps(_mm256_load_ps(x0+c),va,a0);a1=_mm256_fmadd_ps(_mm256_load_ps(x1+c),va,a1);
            a2=_mm256_fmadd_ps(_mm256_load_ps(x2+c),va,a2);a3=_mm256_fmadd_ps(_mm256_load_ps(x3+c),va,a3);
            b0=_mm256_fmadd_ps(_mm256_load_ps(x0+c+8),vb,b0);b1=_mm256_fmadd_ps(_mm256_load_ps(x1+c+8),vb,b1);
            b2=_mm256_fmadd_ps(_mm256_load_ps(x2+c+8),vb,b2);b3=_mm256_fmadd_ps(_mm256_load_ps(x3+c+8),vb,b3);}
          float dt[4]={hsum(_mm256_add_ps(a0,b0)),hsum(_mm256_add_ps(a1,b1)),hsum(_mm256_add_ps(a2,b2)),hsum(_mm256_add_ps(a3,b3))};
          float w[4]; for(int j=0;j<4;j++){double s=norms[r+j]+vv-2.0*dt[j]; double del=sqrt(s); w[j]=(float)(1.0/(del*(del+1e-6)));}
          __m256 u0=_mm256_set1_ps(w[0]),u1=_mm256_set1_ps(w[1]),u2=_mm256_set1_ps(w[2]),u3=_mm256_set1_ps(w[3]);
          for(int c=0;c<d;c+=8){ __m256 vc=_mm256_load_ps(v+c),a=_mm256_load_ps(acc+c);
            a=_mm256_fmadd_ps(_mm256_sub_ps(vc,_mm256_load_ps(x0+c)),u0,a);a=_mm256_fmadd_ps(_mm256_sub_ps(vc,_mm256_load_ps(x1+c)),u1,a);
            a=_mm256_fmadd_ps(_mm256_sub_ps(vc,_mm256_load_ps(x2+c)),u2,a);a=_mm256_fmadd_ps(_mm256_sub_ps(vc,_mm256_load_ps(x3+c)),u3,a);
            _mm256_store_ps(acc+c,a);} }
        for(int c=0;c<d;c++) out[c]+=acc[c]; }
      double t=now()-t0; if(t<best)best=t; }
    printf("C AVX2 gradient pass n=%d d=%d: best %.1f us (%.3f ns/row-chunk) out0=%g\n",n,d,best*1e6,best*1e9/(n*(double)d/8),out[0]);
  }
}
