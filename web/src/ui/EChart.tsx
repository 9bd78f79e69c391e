import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Every chart needs a renderer; the charts and components themselves are registered by the caller
// (`use([BarChart, GridComponent])` in its own module), so a bundle carries only what it draws.
use([CanvasRenderer]);

/**
 * An ECharts chart from `echarts/core` in a box of fixed height (no layout jump while it draws). It
 * follows the box's width, takes a new option as a whole (no merging with the previous one), and is
 * disposed with the component. `label` describes the chart for screen readers; give the figures in
 * text or a table next to it as well.
 */
export function EChart({
  option,
  height,
  label,
}: {
  option: EChartsCoreOption;
  height: number;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
