/* hip_abi.h - the few HIP ABI facts device.c relies on (it dlopens HIP and
 * includes no HIP header).  tests/test_cache.c checks them at compile time
 * against the installed <hip/hip_runtime_api.h> when there is one; checked
 * by hand against ROCm 5.2, 6.0 and 7.x headers. */
#ifndef SINTER_RT_HIP_ABI_H
#define SINTER_RT_HIP_ABI_H

/* hipDeviceAttributeMultiprocessorCount (ROCm 5.x-7.x) */
#define RT_HIP_ATTR_MULTIPROCESSOR_COUNT 63
/* offsetof(hipDeviceProp_t, gcnArchName): ROCm 5's struct, filled by
 * hipGetDeviceProperties; ROCm 6+'s hipDeviceProp_tR0600, filled by
 * hipGetDevicePropertiesR0600 (ROCm 6 renamed the struct and the call) */
#define RT_HIP_R0000_ARCH_OFFSET 396
#define RT_HIP_R0600_ARCH_OFFSET 1160
/* room for either struct (792 and 1472 bytes), with margin */
#define RT_HIP_PROPS_BYTES 4096
#define RT_HIP_ARCH_NAME_BYTES 256

#endif
