/** Word lists for plausible demo applications around the Jiangsu branches named in shared/domain. */
export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文';
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红斌波宁辉鹏飞琳晶倩雪浩宇欣怡俊峰志文亮成凯健晨阳婷颖佳慧海龙春梅国庆永';

export interface Branch {
  code: string;
  name: string;
  city: string;
  region: string; // 6-digit administrative code used for ID numbers and credit codes
}

export const BRANCHES: readonly Branch[] = [
  { code: '3201001', name: '南京分行营业部', city: '南京', region: '320102' },
  { code: '3201012', name: '南京江宁支行', city: '南京', region: '320115' },
  { code: '3211001', name: '镇江分行营业部', city: '镇江', region: '321102' },
  { code: '3211081', name: '丹阳支行', city: '丹阳', region: '321181' },
  { code: '3211083', name: '句容支行', city: '句容', region: '321183' },
  { code: '3211082', name: '扬中支行', city: '扬中', region: '321182' },
  { code: '3204001', name: '常州分行营业部', city: '常州', region: '320402' },
  { code: '3202001', name: '无锡分行营业部', city: '无锡', region: '320213' },
  { code: '3205001', name: '苏州分行营业部', city: '苏州', region: '320508' },
  { code: '3210001', name: '扬州分行营业部', city: '扬州', region: '321002' },
  { code: '3206001', name: '南通分行营业部', city: '南通', region: '320602' },
  { code: '3212001', name: '泰州分行营业部', city: '泰州', region: '321202' },
];

export const BRAND_WORDS = '恒达宏盛鑫源瑞丰华泰永安金桥兴隆德润天成博远嘉禾康顺新创信达聚合明辉正和通利长青东升龙腾荣昌';
export const TRADES: readonly { word: string; industry: string }[] = [
  { word: '五金制品', industry: '金属制品业' },
  { word: '眼镜', industry: '零售业' },
  { word: '汽车配件', industry: '汽车制造业' },
  { word: '纺织', industry: '纺织业' },
  { word: '电子科技', industry: '计算机、通信和其他电子设备制造业' },
  { word: '建材', industry: '批发业' },
  { word: '食品', industry: '食品制造业' },
  { word: '物流', industry: '道路运输业' },
  { word: '农业科技', industry: '农业' },
  { word: '餐饮管理', industry: '餐饮业' },
  { word: '机械设备', industry: '通用设备制造业' },
  { word: '服饰', industry: '纺织服装、服饰业' },
];
export const SHOP_WORDS = ['副食品店', '五金店', '服装店', '小吃店', '建材经营部', '家电维修部', '水果店', '眼镜店'];
export const STREETS = ['人民路', '解放路', '中山路', '长江路', '新民路', '金山路', '建设路', '开发区大道', '丹凤路', '华阳路'];
export const PURPOSES = ['采购原材料', '补充流动资金', '支付货款', '店面装修', '购置设备', '扩大经营', '季节性备货'];
