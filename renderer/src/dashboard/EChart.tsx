import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the bundle carries no more of ECharts than it needs.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** A clicked data item: which series and which position along the category axis. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/**
 * One ECharts instance in a div: created once, given each new option in full (notMerge, so removed series
 * disappear), resized with its box, disposed on unmount.
 */
export function EChart({ option, onClick, height, testId }: { option: ChartOption; onClick?: (c: ChartClick) => void; height: number; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  });

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      if (typeof p.seriesIndex === 'number' && typeof p.dataIndex === 'number') clickRef.current?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} data-testid={testId} className="dash-chart" style={{ height }} />;
}
